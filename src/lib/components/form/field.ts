/** The ids a field's `aria-describedby` names: its hint and its error message, when shown. */
export const describedBy = (name: string, hint?: string, error?: string) =>
	[hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(' ') || undefined;
