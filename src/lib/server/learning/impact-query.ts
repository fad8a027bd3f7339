import { sql, type RawBuilder } from 'kysely';
import { gradeScore, grades } from '$lib/audit/grades';
import type { Db } from '../db';
import { pathways } from '../pathways';

// The SQL behind a pathway's impact: for each completed pathway, the worker's finalised audits
// before and after its completion, aggregated one row per completed pathway.

export type ImpactRow = Awaited<ReturnType<typeof completedPathways>>[number];

/** A grade as a score in SQL, from `gradeScore`: Outstanding 4 … Inadequate 1. */
const score = (column: string) =>
	sql<number>`case ${sql.ref(column)} ${sql.join(
		grades.map((g) => sql`when ${sql.lit(g)} then ${sql.lit(gradeScore(g))}`),
		sql` `
	)} end`;

/**
 * `(pathway, ref)` pairs from the content as a VALUES list, whose columns SQLite and PostgreSQL
 * both call `column1` and `column2`: the pathways' areas or outcomes.
 */
function pairs(rows: [string, string][]) {
	const values = rows.length ? rows : [['', '']];
	return sql`(values ${sql.join(values.map(([a, b]) => sql`(${a}, ${b})`))})`;
}

/** The day a pathway was completed; audits on that day count as before it. */
const completedOn = sql<string>`substr(pathway_progress.completed_at, 1, 10)`;

/**
 * The completed pathways in scope, newest first, each with its worker's audits either side of
 * completion: counts, overall scores, the latest overall grade, the pathway's areas' scores and
 * the development findings on its outcomes.
 */
export function completedPathways(
	db: Db,
	scope: { practitionerId?: string; teamId?: string; since?: string }
) {
	return db
		.selectFrom('pathway_progress')
		.innerJoin('pathway_assignments', 'pathway_assignments.id', 'pathway_progress.assignment_id')
		.innerJoin('users', 'users.id', 'pathway_progress.practitioner_id')
		.leftJoin('teams', 'teams.id', 'users.team_id')
		.leftJoin(finalisedAudits(db), (join) =>
			join.onRef('au.practitioner_id', '=', 'pathway_progress.practitioner_id')
		)
		.select([
			'pathway_progress.id',
			'pathway_progress.practitioner_id',
			'pathway_progress.completed_at',
			'pathway_assignments.pathway_id',
			'users.name',
			'teams.name as teamName',
			...overallColumns(),
			...contentColumns(db)
		])
		.where('pathway_progress.completed_at', 'is not', null)
		.$if(Boolean(scope.practitionerId), (q) =>
			q.where('pathway_progress.practitioner_id', '=', scope.practitionerId!)
		)
		.$if(Boolean(scope.teamId), (q) => q.where('users.team_id', '=', scope.teamId!))
		.$if(Boolean(scope.since), (q) => q.where('pathway_progress.completed_at', '>=', scope.since!))
		.groupBy([
			'pathway_progress.id',
			'pathway_progress.practitioner_id',
			'pathway_progress.completed_at',
			'pathway_assignments.pathway_id',
			'users.name',
			'teams.name'
		])
		.orderBy('pathway_progress.completed_at', 'desc')
		.execute();
}

/** Finalised audits with their standing overall grade (moderated where moderated), as `au`. */
function finalisedAudits(db: Db) {
	return db
		.selectFrom('audits')
		.select([
			'audits.id',
			'audits.practitioner_id',
			'audits.audited_on',
			'audits.moderated_at',
			sql<string>`coalesce(audits.moderated_overall_grade, audits.overall_grade)`.as('overall')
		])
		.where('audits.status', '=', 'finalised')
		.as('au');
}

/** Either side of completion: how many audits, their mean overall score, and the latest grade. */
function overallColumns() {
	const before = sql`au.audited_on <= ${completedOn}`;
	const overall = sql.ref('overall');
	return [
		sql<number>`count(distinct case when ${before} then au.id end)`.as('beforeAudits'),
		sql<number>`count(distinct case when not (${before}) then au.id end)`.as('afterAudits'),
		sql<number | null>`avg(case when ${before} then ${score('overall')} end)`.as('beforeOverall'),
		sql<number | null>`avg(case when not (${before}) then ${score('overall')} end)`.as(
			'afterOverall'
		),
		sql<string | null>`max(case when ${before} then au.audited_on || ' ' || ${overall} end)`.as(
			'beforeLatest'
		),
		sql<
			string | null
		>`max(case when not (${before}) then au.audited_on || ' ' || ${overall} end)`.as('afterLatest')
	];
}

/**
 * The pathway's areas, at the stage that stands for each audit, and the development findings on
 * its outcomes: each side its own subquery, so that one side without audits leaves the other's
 * figure alone.
 */
function contentColumns(db: Db) {
	const all = pathways();
	const areaPairs = pairs(all.flatMap((p) => p.standards.map((s): [string, string] => [p.id, s])));
	const outcomePairs = pairs(
		all.flatMap((p) => p.outcomes.map((o): [string, string] => [p.id, o]))
	);
	const before = sql<boolean>`a.audited_on <= ${completedOn}`;
	const after = sql<boolean>`a.audited_on > ${completedOn}`;
	return [
		areaScore(db, areaPairs, before).as('areasBefore'),
		areaScore(db, areaPairs, after).as('areasAfter'),
		findingCount(db, outcomePairs, before).as('findingsBefore'),
		findingCount(db, outcomePairs, after).as('findingsAfter')
	];
}

/** The mean score of the pathway's areas in the worker's finalised audits on one side (`a`). */
function areaScore(db: Db, areaPairs: RawBuilder<unknown>, side: RawBuilder<boolean>) {
	return db
		.selectFrom('audit_grades as g')
		.innerJoin('audits as a', 'a.id', 'g.audit_id')
		.select(sql<number | string | null>`avg(${score('g.effective_grade')})`.as('s'))
		.where(sql<boolean>`a.practitioner_id = pathway_progress.practitioner_id`)
		.where('a.status', '=', 'finalised')
		.where(side)
		.where(
			sql<boolean>`g.stage = case when a.moderated_at is null then 'audit' else 'moderation' end`
		)
		.where(
			sql<boolean>`exists (select 1 from ${areaPairs} as pa where pa.column1 = pathway_assignments.pathway_id and pa.column2 = g.area_id)`
		);
}

/** Development findings on the pathway's outcomes on one side (a finding tagged twice counts once). */
function findingCount(db: Db, outcomePairs: RawBuilder<unknown>, side: RawBuilder<boolean>) {
	return db
		.selectFrom('audit_finding_tags as t')
		.innerJoin('audit_findings as f', 'f.id', 't.finding_id')
		.innerJoin('audits as a', 'a.id', 'f.audit_id')
		.select(sql<number | string>`count(distinct f.id)`.as('n'))
		.where(sql<boolean>`a.practitioner_id = pathway_progress.practitioner_id`)
		.where('a.status', '=', 'finalised')
		.where(side)
		.where('f.kind', '=', 'development')
		.where('t.kind', '=', 'outcome')
		.where(
			sql<boolean>`exists (select 1 from ${outcomePairs} as po where po.column1 = pathway_assignments.pathway_id and po.column2 = t.ref)`
		);
}
