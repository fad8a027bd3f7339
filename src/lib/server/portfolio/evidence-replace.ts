import { textOf } from '../forms';
import { checkAnonymity } from './anonymity';
import {
	applyReplacements,
	suggestReplacements,
	type Replaced,
	type Suggestion
} from './anonymity-replace';
import { textsOfValues, type EvidenceValues } from './evidence-form';

// Replacing the details the anonymity check finds in the evidence form, as the person asked:
// one person or place (wherever it is in the record) or all of them. The form comes back with
// the texts changed and nothing saved, so the person reads the result and saves it themselves.
// With JavaScript the same request is sent in the background and the fields change in place.

/** A "Replace" button's value: the finding's kind and the text found, e.g. `name:Kai`. */
export const replaceKey = (finding: { kind: string; match: string }) =>
	`${finding.kind}:${finding.match}`;

/** Whether the form was sent by a "Replace" button, rather than to save. */
export const isReplaceStep = (form: FormData) => form.has('replace');

/** The form's texts that can be changed: not `fixed` ones, kept as someone else gave them. */
const changeable = (values: EvidenceValues, fixed: string[]) =>
	textsOfValues(values).filter((field) => !fixed.includes(field.name));

/** What the anonymity check finds in the form's texts, each with what would replace it. */
export function suggestionsFor(
	values: EvidenceValues,
	allowedNames: string[],
	fixed: string[] = []
) {
	const fields = changeable(values, fixed);
	return suggestReplacements(fields, checkAnonymity(fields, { allowedNames }));
}

/** The answer to a "Replace" button: the form again, changed, and what is left to look at. */
export interface ReplaceResult {
	values: EvidenceValues;
	replaced: Replaced[];
	/** Files chosen in the form, which a replacement does not add: they must be chosen again. */
	filesDropped: boolean;
	/** What the check still finds in the changed texts. */
	suggestions: Suggestion[];
}

/**
 * The form's values with the details `replace=…` names replaced: `all`, or a key from
 * `replaceKey`. Nothing is replaced when the detail is no longer in the text.
 */
export function replaceInForm(
	form: FormData,
	values: EvidenceValues,
	allowedNames: string[],
	fixed: string[] = []
): ReplaceResult {
	const key = textOf(form, 'replace');
	const fields = changeable(values, fixed);
	const suggestions = suggestReplacements(fields, checkAnonymity(fields, { allowedNames }));
	const { texts, replaced } = applyReplacements(
		fields,
		suggestions,
		(s) => key === 'all' || replaceKey(s) === key
	);
	const filesDropped = form
		.getAll('files')
		.some((entry) => typeof entry !== 'string' && (entry.size > 0 || entry.name !== ''));
	const changed = { ...values, ...Object.fromEntries(texts) };
	return {
		values: changed,
		replaced,
		filesDropped,
		suggestions: suggestionsFor(changed, allowedNames, fixed)
	};
}
