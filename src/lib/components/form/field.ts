/** The ids a field's `aria-describedby` names: its hint and its error message, when shown. */
export const describedBy = (name: string, hint?: string, error?: string) =>
	[hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(' ') || undefined;

/** What was typed in a field, to show the form again: empty when it was not text. */
export const textValue = (values: Record<string, unknown>, key: string) =>
	typeof values[key] === 'string' ? values[key] : '';
