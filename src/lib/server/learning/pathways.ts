import { inTransaction, type Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { dateOnly, timestamp } from '../db/time';
import type { Pathway } from '../pathways/definition';
import { getPathway } from '../pathways';
import { createEvidence, setMapping, submitEvidence } from '../portfolio/evidence';
import { needsMetBy } from './needs';

/** Why an assignment or a step was refused, in words for the person. */
export class PathwayError extends Error {}

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
				throw new PathwayError(
					'This pathway is already assigned to this person and not yet completed.'
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

/** The assignments that reach a practitioner: to them, to their team, or to everyone. */
function assignmentsReaching(db: Db, practitionerId: string) {
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
	const rows = await assignmentsReaching(db, practitionerId)
		.orderBy('pathway_assignments.assigned_at', 'desc')
		.execute();
	return rows
		.map(withPathway)
		.filter((r) => r !== undefined)
		.sort((a, b) => Number(Boolean(a.completed_at)) - Number(Boolean(b.completed_at)));
}

export type PathwayWork = NonNullable<ReturnType<typeof withPathway<AssignmentRow>>>;
type AssignmentRow = Awaited<ReturnType<ReturnType<typeof assignmentsReaching>['execute']>>[number];

/** One assignment as the practitioner works through it; undefined if it does not reach them. */
export async function pathwayWork(db: Db, practitionerId: string, assignmentId: string) {
	const row = await assignmentsReaching(db, practitionerId)
		.where('pathway_assignments.id', '=', assignmentId)
		.executeTakeFirst();
	return row ? withPathway(row) : undefined;
}

const reflectionStep = (pathway: Pathway) => pathway.steps.at(-1)!.number;

/** Saves the steps ticked and the reflection so far; starts the pathway on first save. */
export async function saveProgress(
	db: Db,
	practitionerId: string,
	work: PathwayWork,
	stepsDone: number[],
	reflection: string,
	now = new Date()
) {
	if (work.completed_at) throw new PathwayError('You have already completed this pathway.');
	const valid = new Set(work.pathway.steps.map((s) => s.number));
	const steps = [...new Set(stepsDone)].filter((n) => valid.has(n)).sort((a, b) => a - b);
	await inTransaction(db, async (tx) => {
		if (work.progressId) {
			await tx
				.updateTable('pathway_progress')
				.set({ steps_done: JSON.stringify(steps), reflection, updated_at: timestamp(now) })
				.where('id', '=', work.progressId)
				.where('completed_at', 'is', null)
				.execute();
		} else {
			await tx
				.insertInto('pathway_progress')
				.values({
					id: newId(),
					assignment_id: work.id,
					practitioner_id: practitionerId,
					steps_done: JSON.stringify(steps),
					reflection,
					started_at: timestamp(now),
					updated_at: timestamp(now),
					completed_at: null,
					evidence_id: null
				})
				.execute();
		}
	});
	return steps;
}

/** What still stands between the practitioner and completing the pathway, keyed by field. */
export function completionProblems(pathway: Pathway, stepsDone: number[], reflection: string) {
	const problems: Record<string, string> = {};
	const last = reflectionStep(pathway);
	const missing = pathway.steps.filter((s) => s.number !== last && !stepsDone.includes(s.number));
	if (missing.length)
		problems.steps = `Tick the steps you have done: ${missing.map((s) => `${s.number}. ${s.title}`).join('; ')}`;
	if (!reflection.trim()) problems.reflection = 'Write your closing reflection';
	return problems;
}

/**
 * Completes a pathway: the closing reflection becomes portfolio evidence mapped to the
 * pathway's outcomes and submitted to the supervisor, and the open learning needs it shares an
 * outcome with are met. All in one transaction.
 */
export async function completePathway(
	db: Db,
	practitionerId: string,
	work: PathwayWork,
	input: {
		stepsDone: number[];
		reflection: string;
		frameworkVersion: string;
		anonymityConfirmed: boolean;
	},
	now = new Date()
) {
	const problems = completionProblems(work.pathway, input.stepsDone, input.reflection);
	if (Object.keys(problems).length) throw new PathwayError(Object.values(problems).join('. '));
	return inTransaction(db, async (tx) => {
		const steps = [...input.stepsDone, reflectionStep(work.pathway)];
		await saveProgress(tx, practitionerId, work, steps, input.reflection, now);
		const { pathway } = work;
		const evidenceId = await createEvidence(
			tx,
			practitionerId,
			{
				title: `Learning pathway: ${pathway.title}`,
				activityDate: dateOnly(now),
				type: 'learning-activity',
				account: `I completed the learning pathway “${pathway.title}” (${pathway.priorityAreaTitle}):\n${pathway.steps.map((s) => `${s.number}. ${s.kind}: ${s.title}`).join('\n')}`,
				reflectionModel: 'free',
				reflection: { text: input.reflection },
				cpdType: 'formal-learning',
				cpdRelevance: '',
				cpdLearning: '',
				cpdImpact: '',
				peerReflected: null,
				peerReflection: '',
				cpdMinutes: Math.round(pathway.hours * 60)
			},
			now
		);
		await setMapping(
			tx,
			practitionerId,
			evidenceId,
			1,
			{ frameworkVersion: input.frameworkVersion, outcomes: pathway.outcomes, statements: [] },
			now
		);
		await submitEvidence(tx, practitionerId, evidenceId, 2, input.anonymityConfirmed, now);
		const progress = await tx
			.updateTable('pathway_progress')
			.set({ completed_at: timestamp(now), evidence_id: evidenceId, updated_at: timestamp(now) })
			.where('assignment_id', '=', work.id)
			.where('practitioner_id', '=', practitionerId)
			.where('completed_at', 'is', null)
			.returning('id')
			.executeTakeFirstOrThrow();
		const met = await needsMetBy(tx, practitionerId, pathway.outcomes);
		if (met.length)
			await tx
				.updateTable('learning_needs')
				.set({ status: 'met', met_by: progress.id, met_at: timestamp(now) })
				.where('id', 'in', met)
				.execute();
		await recordEvent(
			tx,
			{
				actorId: practitionerId,
				action: 'pathway.completed',
				subjectType: 'pathway_assignment',
				subjectId: work.id,
				detail: { pathway: pathway.id, evidenceId, needsMet: met }
			},
			now
		);
		return { evidenceId, needsMet: met.length };
	});
}
