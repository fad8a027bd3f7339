/** What a failed form sent back: the values typed and a message per field. */
export interface FormState {
	values?: Record<string, unknown>;
	errors?: Record<string, string>;
}

/** Reading a failed form's values back into its fields: text, and the parts of a date. */
export function formState(form: FormState | null | undefined) {
	const values = form?.values ?? {};
	return {
		errors: form?.errors ?? {},
		text: (key: string, fallback = '') =>
			key in values && typeof values[key] === 'string'
				? values[key]
				: key in values
					? ''
					: fallback,
		date: (key: string) => (values[key] ?? {}) as Record<string, string>
	};
}
