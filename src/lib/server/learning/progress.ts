import { inTransaction, type Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { dateOnly, timestamp } from '../db/time';
import type { Pathway } from '../pathways/definition';
import { blankCpdDetail, createEvidence, setMapping, submitEvidence } from '../portfolio/evidence';
import { FieldError } from '../errors';
import type { PathwayWork } from './assignments';
import { needsMetBy } from './needs';

const reflectionStep = (pathway: Pathway) => pathway.steps.at(-1)!.number;

/** The pathway moved on since the page was opened (completed, or not ready to be): a conflict. */
const stepsRefusal = (message: string) => new FieldError('steps', message, 409);

/** Saves the steps ticked and the reflection so far; starts the pathway on first save. */
export async function saveProgress(
	db: Db,
	practitionerId: string,
	work: PathwayWork,
	stepsDone: number[],
	reflection: string,
	now = new Date()
) {
	if (work.completed_at) throw stepsRefusal('You have already completed this pathway.');
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
 * outcome with wait for that evidence (they are met when the supervisor accepts it: see
 * `meetNeedsOnAcceptance`). All in one transaction.
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
	if (Object.keys(problems).length) throw stepsRefusal(Object.values(problems).join('. '));
	return inTransaction(db, async (tx) => {
		const steps = [...input.stepsDone, reflectionStep(work.pathway)];
		await saveProgress(tx, practitionerId, work, steps, input.reflection, now);
		const { pathway } = work;
		const evidenceId = await submitReflection(tx, practitionerId, pathway, input, now);
		const progress = await tx
			.updateTable('pathway_progress')
			.set({ completed_at: timestamp(now), evidence_id: evidenceId, updated_at: timestamp(now) })
			.where('assignment_id', '=', work.id)
			.where('practitioner_id', '=', practitionerId)
			.where('completed_at', 'is', null)
			.returning('id')
			.executeTakeFirstOrThrow();
		const needs = await needsMetBy(tx, practitionerId, pathway.outcomes);
		if (needs.length)
			await tx
				.updateTable('learning_needs')
				.set({ status: 'submitted', met_by: progress.id, met_at: null })
				.where('id', 'in', needs)
				.execute();
		await recordEvent(
			tx,
			{
				actorId: practitionerId,
				action: 'pathway.completed',
				subjectType: 'pathway_assignment',
				subjectId: work.id,
				detail: { pathway: pathway.id, evidenceId, needsSubmitted: needs }
			},
			now
		);
		return { evidenceId, needsSubmitted: needs.length };
	});
}

/** The closing reflection as learning-activity evidence on the pathway's outcomes, submitted. */
async function submitReflection(
	tx: Db,
	practitionerId: string,
	pathway: Pathway,
	input: { reflection: string; frameworkVersion: string; anonymityConfirmed: boolean },
	now: Date
) {
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
			...blankCpdDetail,
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
	return evidenceId;
}
