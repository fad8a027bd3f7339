/** The ids a field's `aria-describedby` names: its hint and its error message, when shown. */
export const describedBy = (name: string, hint?: string, error?: string) =>
	[hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(' ') || undefined;

/** What every field takes besides its control: its name (also its id), hint and message. */
export interface FieldProps {
	/** The name the form posts, and the id the error summary links to. */
	name: string;
	hint?: string;
	/** The message beside the field; by default, the form state's message for `name`. */
	error?: string;
}

/** A field labelled by a `<label>` (a text box, a select), or by a fieldset's legend. */
export interface LabelledProps extends FieldProps {
	label: string;
	labelClass?: string;
}
export interface LegendProps extends FieldProps {
	legend: string;
}

/** A choice in radios or checkboxes. */
export type Option = { value: string; label: string; hint?: string };
