import { getContext, setContext } from 'svelte';

/** What a form was filled with and the messages by field name, as an action's failure returns. */
export interface FormState {
	values?: Record<string, unknown> | null;
	errors?: Record<string, string> | null;
}

const key = Symbol('form state');

/**
 * Hands the fields inside this component what was typed and the error messages, read by each
 * field's name, so a page writes a field once: `<TextField name="title" label="Title" />`. A
 * field's own `value` or `error` prop wins. Pass a function, so the fields follow `form` as it
 * changes.
 */
export function setFormState(state: () => FormState | null | undefined) {
	setContext(key, state);
}

/** The nearest form state, for a field to read its value and message by name. */
export function formState() {
	const state = getContext<(() => FormState | null | undefined) | undefined>(key);
	const values = () => state?.()?.values ?? {};
	const value = (name: string) => values()[name];
	return {
		error: (name: string) => state?.()?.errors?.[name],
		/** A text field's value: empty when it was not text. */
		text: (name: string) => {
			const v = value(name);
			return typeof v === 'string' ? v : '';
		},
		/** The values ticked in a field that may repeat (checkboxes), or its one value. */
		list: (name: string) => {
			const v = value(name);
			return Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];
		},
		/**
		 * A date field's day, month and year: kept together under its name by the date readers,
		 * or as the `<name>-day`, `-month` and `-year` fields the form posted.
		 */
		date: (name: string): Record<string, string> => {
			const v = value(name);
			if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, string>;
			const part = (p: string) => String(values()[`${name}-${p}`] ?? '');
			return { day: part('day'), month: part('month'), year: part('year') };
		}
	};
}
