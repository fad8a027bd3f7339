import type { SupervisionActionOutcome } from '../db/schema';
import { formValues, parseDateParts, textOf, type FieldErrors } from '../forms';
import { actionOutcomes } from '$lib/supervision/vocabulary';
import type { SupervisionRecordInput } from './supervision-records';

/** How many new actions the form offers at once. */
export const actionRows = 3;

const isDate = (text: string) =>
	/^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

/**
 * Reads the supervisor's form for a session: date, agenda, discussion, decisions, up to three
 * new actions with due dates, a cited audit, and a decision (`earlier-<id>`) about each action
 * still open from earlier sessions. What was typed, a message per field, and the input when
 * there are none.
 */
export function readSupervisionRecordForm(
	form: FormData,
	openActions: { id: string; action: string }[]
) {
	const values: Record<string, unknown> = formValues(form);
	const text = (key: string) => textOf(form, key);
	const errors: FieldErrors = {};
	const held = parseDateParts(form, 'heldOn', 'date of the supervision');
	values.heldOn = held.parts;
	if (held.error) errors.heldOn = held.error;
	if (!text('agenda')) errors.agenda = 'Write the agenda';
	if (!text('discussion')) errors.discussion = 'Write the reflective discussion';
	const earlierActions: Record<string, SupervisionActionOutcome> = {};
	for (const { id, action } of openActions) {
		const outcome = text(`earlier-${id}`) as SupervisionActionOutcome;
		if (actionOutcomes.includes(outcome)) earlierActions[id] = outcome;
		else errors[`earlier-${id}`] = `Say whether “${action}” is done, carried forward or dropped`;
	}
	const actions = [];
	for (let i = 1; i <= actionRows; i++) {
		const [action, due] = [text(`action-${i}`), text(`due-${i}`)];
		if (!action && !due) continue;
		if (!action) errors[`action-${i}`] = `Write agreed action ${i}, or clear its due date`;
		else if (!isDate(due)) errors[`due-${i}`] = `Enter the due date of action ${i}`;
		else actions.push({ action, dueOn: due });
	}
	if (Object.keys(errors).length) return { values, errors };
	const input: SupervisionRecordInput = {
		heldOn: held.value!,
		agenda: text('agenda'),
		discussion: text('discussion'),
		decisions: text('decisions'),
		actions,
		auditId: text('auditId') || null,
		earlierActions
	};
	return { values, errors, input };
}
