import type { Db } from '../db';
import { prepared } from '../db/prepared';
import { timestamp } from '../db/time';
import { suggestPathways } from '../pathways';

const statusOrder = { open: 0, submitted: 1, met: 2 } as const;

/**
 * A practitioner's learning needs, open first, then those waiting for their evidence to be
 * reviewed, then met, newest first within each; each with its outcomes, the audit that raised
 * it, the pathways that would meet it, and the evidence submitted for it.
 */
export async function learningNeedsOf(db: Db, practitionerId: string) {
	const needs = (await needsQuery(db, practitionerId)).sort(
		(a, b) => statusOrder[a.status] - statusOrder[b.status]
	);
	const outcomes = needs.length
		? await needOutcomesQuery(
				db,
				needs.map((n) => n.id)
			)
		: [];
	return needs.map((need) => {
		const ids = outcomes.filter((o) => o.need_id === need.id).map((o) => o.outcome_id);
		return {
			...need,
			outcomes: ids,
			suggestions: suggestPathways(ids).map((s) => ({
				id: s.pathway.id,
				title: s.pathway.title,
				matching: s.matching
			}))
		};
	});
}

// Asked on the supervisor's page of a practitioner and on the practitioner's, so built once.
const needsQuery = prepared((db, practitionerId: string) =>
	db
		.selectFrom('learning_needs')
		.leftJoin('audits', 'audits.id', 'learning_needs.audit_id')
		.leftJoin('pathway_progress', 'pathway_progress.id', 'learning_needs.met_by')
		.leftJoin('evidence', 'evidence.id', 'pathway_progress.evidence_id')
		.selectAll('learning_needs')
		.select([
			'audits.case_ref',
			'audits.audited_on',
			'evidence.id as evidenceId',
			'evidence.status as evidenceStatus'
		])
		.where('learning_needs.practitioner_id', '=', practitionerId)
		.orderBy('learning_needs.created_at', 'desc')
);
const needOutcomesQuery = prepared((db, needIds: readonly string[]) =>
	db
		.selectFrom('learning_need_outcomes')
		.select(['need_id', 'outcome_id'])
		.where('need_id', 'in', needIds)
		.orderBy('outcome_id')
);

export type LearningNeed = Awaited<ReturnType<typeof learningNeedsOf>>[number];

/**
 * A learning need as the page assigning a pathway for it names it: what it says, whose it is,
 * the audit that raised it and its outcomes; undefined unless it belongs to one of `people`.
 */
export async function needForAssignment(db: Db, needId: string, people: string[]) {
	if (!needId || !people.length) return undefined;
	const need = await db
		.selectFrom('learning_needs')
		.innerJoin('users', 'users.id', 'learning_needs.practitioner_id')
		.leftJoin('audits', 'audits.id', 'learning_needs.audit_id')
		.select([
			'learning_needs.id',
			'learning_needs.description',
			'learning_needs.practitioner_id',
			'users.name as practitionerName',
			'audits.case_ref',
			'audits.audited_on'
		])
		.where('learning_needs.id', '=', needId)
		.where('learning_needs.practitioner_id', 'in', people)
		.executeTakeFirst();
	if (!need) return undefined;
	const outcomes = await db
		.selectFrom('learning_need_outcomes')
		.select('outcome_id')
		.where('need_id', '=', need.id)
		.orderBy('outcome_id')
		.execute();
	return { ...need, outcomes: outcomes.map((o) => o.outcome_id) };
}

/** Open needs sharing an outcome with a pathway: the ones completing it submits evidence for. */
export async function needsMetBy(db: Db, practitionerId: string, outcomes: string[]) {
	if (!outcomes.length) return [];
	const rows = await db
		.selectFrom('learning_needs')
		.innerJoin('learning_need_outcomes', 'learning_need_outcomes.need_id', 'learning_needs.id')
		.select('learning_needs.id')
		.distinct()
		.where('learning_needs.practitioner_id', '=', practitionerId)
		.where('learning_needs.status', '=', 'open')
		.where('learning_need_outcomes.outcome_id', 'in', outcomes)
		.execute();
	return rows.map((r) => r.id);
}

/** The learning needs an audit's development findings raised, and whether each is met. */
export function needsRaisedBy(db: Db, auditId: string) {
	return db
		.selectFrom('learning_needs')
		.select(['id', 'finding_id', 'status'])
		.where('audit_id', '=', auditId)
		.execute();
}

/**
 * Meets the learning needs that wait on this evidence, when the supervisor accepts it: the
 * evidence that completing a pathway submitted. Returns the needs met.
 */
export async function meetNeedsOnAcceptance(db: Db, evidenceId: string, now = new Date()) {
	const met = await db
		.updateTable('learning_needs')
		.set({ status: 'met', met_at: timestamp(now) })
		.where('status', '=', 'submitted')
		.where('met_by', 'in', (eb) =>
			eb.selectFrom('pathway_progress').select('id').where('evidence_id', '=', evidenceId)
		)
		.returning('id')
		.execute();
	return met.map((m) => m.id);
}
