import type { Db } from '../db';
import { newId } from '../db/ids';
import { timestamp } from '../db/time';
import { changeDraft, changeOnce } from './audits';

export interface ActionInput {
	description: string;
	ownerId: string;
	dueOn: string;
}

export async function addAction(
	db: Db,
	actorId: string,
	auditId: string,
	input: ActionInput,
	now = new Date()
) {
	const id = newId();
	await changeDraft(db, auditId, now, async (tx) => {
		await tx
			.insertInto('audit_actions')
			.values({
				id,
				audit_id: auditId,
				description: input.description,
				owner_id: input.ownerId,
				due_on: input.dueOn,
				status: 'open',
				done_at: null,
				signed_off_by: null,
				signed_off_at: null,
				created_at: timestamp(now)
			})
			.execute();
	});
	return id;
}

export async function removeAction(db: Db, auditId: string, actionId: string, now = new Date()) {
	await changeDraft(db, auditId, now, async (tx) => {
		await tx
			.deleteFrom('audit_actions')
			.where('id', '=', actionId)
			.where('audit_id', '=', auditId)
			.execute();
	});
}

/** The action's owner says it is done; it then waits for the manager's sign-off. */
export async function markActionDone(
	db: Db,
	actorId: string,
	auditId: string,
	actionId: string,
	now = new Date()
) {
	await changeOnce(
		db,
		db
			.updateTable('audit_actions')
			.set({ status: 'done', done_at: timestamp(now) })
			.where('id', '=', actionId)
			.where('audit_id', '=', auditId)
			.where('status', '=', 'open'),
		'This action is not open, so it cannot be marked done.',
		{ actorId, action: 'audit.action-done', auditId },
		now
	);
}

/** The team manager signs off a completed action (an open one too, when they have seen it done). */
export async function signOffAction(
	db: Db,
	actorId: string,
	auditId: string,
	actionId: string,
	now = new Date()
) {
	await changeOnce(
		db,
		db
			.updateTable('audit_actions')
			.set({ status: 'signed-off', signed_off_by: actorId, signed_off_at: timestamp(now) })
			.where('id', '=', actionId)
			.where('audit_id', '=', auditId)
			.where('status', '!=', 'signed-off'),
		'This action has already been signed off.',
		{ actorId, action: 'audit.action-signed-off', auditId },
		now
	);
}
