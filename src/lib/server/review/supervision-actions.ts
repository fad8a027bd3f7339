import { actionOutcomes } from '$lib/supervision/vocabulary';
import type { Db } from '../db';
import { prepared } from '../db/prepared';
import type { SupervisionActionOutcome } from '../db/schema';
import { FieldError } from '../errors';

// An action agreed in supervision stays open, and comes back at every later session, until a
// session marks it done or drops it; each session keeps what it decided about each (done,
// carried forward or dropped), so its record says what became of the actions before it.

/** A practitioner's open actions, the earliest agreed first, with the session that agreed each. */
export const openActionsOf = prepared((db, practitionerId: string) =>
	db
		.selectFrom('supervision_actions')
		.innerJoin('supervision_records', 'supervision_records.id', 'supervision_actions.record_id')
		.select([
			'supervision_actions.id',
			'supervision_actions.action',
			'supervision_actions.due_on',
			'supervision_records.id as recordId',
			'supervision_records.held_on as agreedOn'
		])
		.where('supervision_records.practitioner_id', '=', practitionerId)
		.where('supervision_actions.status', '=', 'open')
		.orderBy('supervision_records.held_on')
		.orderBy('supervision_actions.due_on')
		.orderBy('supervision_actions.id')
);

/**
 * Keeps what a new session (`recordId`, already inserted) decided about each action open until
 * now: every one needs a decision. One opened since the form was (in another session recorded
 * meanwhile) is refused as a conflict, naming it, so the form is shown again with it.
 */
export async function settleOpenActions(
	tx: Db,
	recordId: string,
	practitionerId: string,
	decisions: Record<string, SupervisionActionOutcome>
) {
	const open = await openActionsOf(tx, practitionerId);
	const undecided = open.find((a) => !actionOutcomes.includes(decisions[a.id]));
	if (undecided)
		throw new FieldError(
			`earlier-${undecided.id}`,
			`Say whether “${undecided.action}” is done, carried forward or dropped: it was agreed in a session recorded since you opened this form`,
			409
		);
	if (open.length === 0) return;
	await tx
		.insertInto('supervision_action_updates')
		.values(open.map((a) => ({ record_id: recordId, action_id: a.id, outcome: decisions[a.id] })))
		.execute();
	for (const status of ['done', 'dropped'] as const) {
		const ids = open.filter((a) => decisions[a.id] === status).map((a) => a.id);
		if (ids.length)
			await tx.updateTable('supervision_actions').set({ status }).where('id', 'in', ids).execute();
	}
}

/** What a session decided about the actions of earlier ones, with when each was agreed. */
export function actionUpdatesOf(db: Db, recordId: string) {
	return db
		.selectFrom('supervision_action_updates')
		.innerJoin(
			'supervision_actions',
			'supervision_actions.id',
			'supervision_action_updates.action_id'
		)
		.innerJoin('supervision_records', 'supervision_records.id', 'supervision_actions.record_id')
		.select([
			'supervision_actions.id',
			'supervision_actions.action',
			'supervision_actions.due_on',
			'supervision_action_updates.outcome',
			'supervision_records.held_on as agreedOn'
		])
		.where('supervision_action_updates.record_id', '=', recordId)
		.orderBy('supervision_records.held_on')
		.orderBy('supervision_actions.due_on')
		.orderBy('supervision_actions.id')
		.execute();
}
