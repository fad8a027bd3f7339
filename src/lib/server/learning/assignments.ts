import { inTransaction, type Db } from '../db';
import { prepared } from '../db/prepared';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { timestamp } from '../db/time';
import { FieldError } from '../errors';
import { getPathway } from '../pathways';

export type AssignmentScope = 'person' | 'team' | 'service';

export interface AssignmentInput {
	pathwayId: string;
	scope: AssignmentScope;
	practitionerId?: string | null;
	teamId?: string | null;
	needId?: string | null;
	dueOn?: string | null;
}

/** Assigns a pathway to a person, a team or the whole service. */
export async function assignPathway(
	db: Db,
	actorId: string,
	input: AssignmentInput,
	now = new Date()
) {
	const id = newId();
	await inTransaction(db, async (tx) => {
		if (input.scope === 'person') {
			const open = await tx
				.selectFrom('pathway_assignments')
				.leftJoin('pathway_progress', (join) =>
					join
						.onRef('pathway_progress.assignment_id', '=', 'pathway_assignments.id')
						.on('pathway_progress.practitioner_id', '=', input.practitionerId!)
				)
				.select('pathway_assignments.id')
				.where('pathway_assignments.pathway_id', '=', input.pathwayId)
				.where('pathway_assignments.practitioner_id', '=', input.practitionerId!)
				.where('pathway_progress.completed_at', 'is', null)
				.executeTakeFirst();
			if (open)
				throw new FieldError(
					'scope',
					'This pathway is already assigned to this person and not yet completed.',
					409
				);
		}
		await tx
			.insertInto('pathway_assignments')
			.values({
				id,
				pathway_id: input.pathwayId,
				scope: input.scope,
				practitioner_id: input.scope === 'person' ? input.practitionerId! : null,
				team_id: input.scope === 'team' ? input.teamId! : null,
				need_id: input.needId ?? null,
				due_on: input.dueOn ?? null,
				assigned_by: actorId,
				assigned_at: timestamp(now)
			})
			.execute();
		await recordEvent(
			tx,
			{
				actorId,
				action: 'pathway.assigned',
				subjectType: 'pathway_assignment',
				subjectId: id,
				detail: { pathway: input.pathwayId, scope: input.scope }
			},
			now
		);
	});
	return id;
}

/**
 * The assignments that reach a practitioner: to them, to their team, or to everyone, each way a
 * range of an index (2026-12-13-01).
 */
export function assignmentsReaching(db: Db, practitionerId: string) {
	return db
		.selectFrom('pathway_assignments')
		.innerJoin('users as practitioner', (join) => join.on('practitioner.id', '=', practitionerId))
		.innerJoin('users as assigner', 'assigner.id', 'pathway_assignments.assigned_by')
		.leftJoin('pathway_progress', (join) =>
			join
				.onRef('pathway_progress.assignment_id', '=', 'pathway_assignments.id')
				.on('pathway_progress.practitioner_id', '=', practitionerId)
		)
		.where((eb) =>
			eb.or([
				eb('pathway_assignments.practitioner_id', '=', practitionerId),
				eb.and([
					eb('pathway_assignments.scope', '=', 'team'),
					eb('pathway_assignments.team_id', '=', eb.ref('practitioner.team_id'))
				]),
				eb('pathway_assignments.scope', '=', 'service')
			])
		)
		.select([
			'pathway_assignments.id',
			'pathway_assignments.pathway_id',
			'pathway_assignments.scope',
			'pathway_assignments.due_on',
			'pathway_assignments.assigned_at',
			'assigner.name as assignedByName',
			'pathway_progress.steps_done',
			'pathway_progress.reflection',
			'pathway_progress.started_at',
			'pathway_progress.completed_at',
			'pathway_progress.evidence_id',
			'pathway_progress.id as progressId'
		]);
}

function withPathway<T extends { pathway_id: string; steps_done: string | null }>(row: T) {
	const pathway = getPathway(row.pathway_id);
	if (!pathway) return undefined;
	const done: number[] = row.steps_done ? JSON.parse(row.steps_done) : [];
	return { ...row, pathway, stepsDone: done };
}

/** A practitioner's pathways: in progress or not started first, then completed. */
export async function pathwaysFor(db: Db, practitionerId: string) {
	const rows = await pathwaysForQuery(db, practitionerId);
	return rows
		.map(withPathway)
		.filter((r) => r !== undefined)
		.sort((a, b) => Number(Boolean(a.completed_at)) - Number(Boolean(b.completed_at)));
}

/** Asked on the supervisor's page of a practitioner and on the practitioner's, so built once. */
const pathwaysForQuery = prepared((db, practitionerId: string) =>
	assignmentsReaching(db, practitionerId).orderBy('pathway_assignments.assigned_at', 'desc')
);

export type PathwayWork = NonNullable<ReturnType<typeof withPathway<AssignmentRow>>>;
type AssignmentRow = Awaited<ReturnType<ReturnType<typeof assignmentsReaching>['execute']>>[number];

/** One assignment as the practitioner works through it; undefined if it does not reach them. */
export async function pathwayWork(db: Db, practitionerId: string, assignmentId: string) {
	const row = await assignmentsReaching(db, practitionerId)
		.where('pathway_assignments.id', '=', assignmentId)
		.executeTakeFirst();
	return row ? withPathway(row) : undefined;
}
