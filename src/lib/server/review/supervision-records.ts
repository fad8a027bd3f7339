import type { Db } from '../db';
import { prepared } from '../db/prepared';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import type { SupervisionActionOutcome } from '../db/schema';
import { dateOnly, timestamp } from '../db/time';
import { FieldError } from '../errors';
import { blankCpdDetail, createEvidence } from '../portfolio/evidence';
import { settleOpenActions } from './supervision-actions';
import { checkCitableAudit } from './supervision-audits';

export interface SupervisionRecordInput {
	heldOn: string;
	agenda: string;
	discussion: string;
	decisions: string;
	actions: { action: string; dueOn: string }[];
	/** A finalised audit of the practitioner's work discussed, if any. */
	auditId?: string | null;
	/** What the session decided about each action still open from earlier ones, by its id. */
	earlierActions?: Record<string, SupervisionActionOutcome>;
}

/**
 * Records a supervision session held on a day up to today, with the actions it agreed, the audit
 * it discussed, and what became of every action still open from earlier sessions (each needs a
 * decision: done, carried forward or dropped).
 */
export async function createSupervisionRecord(
	db: Db,
	supervisorId: string,
	practitionerId: string,
	input: SupervisionRecordInput,
	now = new Date()
) {
	if (input.heldOn > dateOnly(now))
		throw new FieldError('heldOn', 'The date of the supervision must be today or in the past');
	const id = newId();
	await db.transaction().execute(async (tx) => {
		if (input.auditId) await checkCitableAudit(tx, practitionerId, input.auditId);
		await tx
			.insertInto('supervision_records')
			.values({
				id,
				practitioner_id: practitionerId,
				supervisor_id: supervisorId,
				held_on: input.heldOn,
				agenda: input.agenda,
				discussion: input.discussion,
				decisions: input.decisions,
				evidence_id: null,
				audit_id: input.auditId || null,
				created_at: timestamp(now)
			})
			.execute();
		await settleOpenActions(tx, id, practitionerId, input.earlierActions ?? {});
		if (input.actions.length) {
			await tx
				.insertInto('supervision_actions')
				.values(
					input.actions.map((a) => ({
						id: newId(),
						record_id: id,
						action: a.action,
						due_on: a.dueOn
					}))
				)
				.execute();
		}
		await recordEvent(
			tx,
			{
				actorId: supervisorId,
				action: 'supervision.recorded',
				subjectType: 'user',
				subjectId: practitionerId
			},
			now
		);
	});
	return id;
}

export async function getSupervisionRecord(db: Db, id: string) {
	const record = await db
		.selectFrom('supervision_records')
		.innerJoin('users as supervisor', 'supervisor.id', 'supervision_records.supervisor_id')
		.innerJoin('users as practitioner', 'practitioner.id', 'supervision_records.practitioner_id')
		.selectAll('supervision_records')
		.select(['supervisor.name as supervisorName', 'practitioner.name as practitionerName'])
		.where('supervision_records.id', '=', id)
		.executeTakeFirst();
	if (!record) return undefined;
	const actions = await db
		.selectFrom('supervision_actions')
		.selectAll()
		.where('record_id', '=', id)
		.orderBy('due_on')
		.execute();
	return { ...record, actions };
}

export const listSupervisionRecords = prepared((db, practitionerId: string) =>
	db
		.selectFrom('supervision_records')
		.innerJoin('users', 'users.id', 'supervision_records.supervisor_id')
		.select(['supervision_records.id', 'held_on', 'agenda', 'users.name as supervisorName'])
		.where('practitioner_id', '=', practitionerId)
		.orderBy('held_on', 'desc')
);

/** Starts a draft evidence record from a supervision record; the practitioner reflects and maps it. */
export async function useAsEvidence(
	db: Db,
	practitionerId: string,
	recordId: string,
	now = new Date()
) {
	const record = await getSupervisionRecord(db, recordId);
	if (!record || record.practitioner_id !== practitionerId) return undefined;
	if (record.evidence_id) return record.evidence_id;
	const evidenceId = await createEvidence(
		db,
		practitionerId,
		{
			title: `Supervision discussion: ${record.agenda.split('\n')[0].slice(0, 120)}`,
			activityDate: record.held_on,
			type: 'supervision',
			account: `${record.discussion}\n\nDecisions:\n${record.decisions}`,
			reflectionModel: 'driscoll',
			reflection: {},
			cpdType: 'supervision-peer',
			...blankCpdDetail,
			cpdMinutes: null
		},
		now
	);
	await db
		.updateTable('supervision_records')
		.set({ evidence_id: evidenceId })
		.where('id', '=', recordId)
		.execute();
	return evidenceId;
}
