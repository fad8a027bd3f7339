import type { Db } from '../db';
import { recordEvent } from '../db/events';
import { timestamp } from '../db/time';
import { listPeopleWithRole } from '../people/users';
import { changeOnce } from './audits';

/** The response to an escalated audit: recorded once, by the team manager or head of service. */
export async function recordResponse(
	db: Db,
	actorId: string,
	id: string,
	response: string,
	now = new Date()
) {
	await changeOnce(
		db,
		db
			.updateTable('audits')
			.set({ response, response_by: actorId, response_at: timestamp(now) })
			.where('id', '=', id)
			.where('escalation', 'is not', null)
			.where('response_at', 'is', null),
		'A response has already been recorded for this audit.',
		{ actorId, action: 'audit.responded', auditId: id },
		now
	);
}

/** The team manager records receipt of the finalised audit, with any management directions. */
export async function recordReceipt(
	db: Db,
	actorId: string,
	id: string,
	directions: string,
	now = new Date()
) {
	await changeOnce(
		db,
		db
			.updateTable('audits')
			.set({ receipt_by: actorId, receipt_at: timestamp(now), management_directions: directions })
			.where('id', '=', id)
			.where('status', '=', 'finalised')
			.where('receipt_at', 'is', null),
		'Receipt of this audit has already been recorded.',
		{ actorId, action: 'audit.received', auditId: id },
		now
	);
}

export async function assignModerator(
	db: Db,
	actorId: string,
	id: string,
	moderatorId: string,
	now = new Date()
) {
	await db
		.updateTable('audits')
		.set({ moderator_id: moderatorId, updated_at: timestamp(now) })
		.where('id', '=', id)
		.execute();
	await recordEvent(
		db,
		{
			actorId,
			action: 'audit.moderator-assigned',
			subjectType: 'audit',
			subjectId: id,
			detail: { moderatorId }
		},
		now
	);
}

/** Who may be asked to moderate an audit: any auditor who did not carry it out. */
export async function moderatorChoices(
	db: Db,
	audit: { auditor_id: string; co_auditor_id: string | null }
) {
	return (await listPeopleWithRole(db, 'auditor')).filter(
		(p) => p.id !== audit.auditor_id && p.id !== audit.co_auditor_id
	);
}
