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
	/** Classes for the form group, e.g. a grid column for a row of filters. */
	groupClass?: string;
}

/** A field labelled by a `<label>` (a text box, a select), or by a fieldset's legend. */
export interface LabelledProps extends FieldProps {
	label: string;
	labelClass?: string;
	/** The control's id where it is not the name (two fields of one name on a page). */
	id?: string;
}
/** The attributes a control takes from its group: its name, id and description. */
export interface Control {
	name: string;
	id: string;
	'aria-describedby': string | undefined;
}

export interface LegendProps extends FieldProps {
	legend: string;
	/** The legend's size: `govuk-fieldset__legend--s` unless it says another. */
	legendClass?: string;
}

/**
 * A choice in radios or checkboxes: its id is the field's name for the first choice (where the
 * error summary links) and `<name>-<value>` for the others, unless it says its own. `lead` is
 * shown in bold before the label, e.g. a statement's reference.
 */
export type Option = { value: string; label: string; hint?: string; id?: string; lead?: string };
