import { sql, type RawBuilder } from 'kysely';
import { gradeScore, grades, isGrade, type Grade } from '$lib/audit/grades';
import type { Db } from '../db';
import { getPathway, pathways } from '../pathways';

export interface AuditSide {
	/** Finalised audits of the worker on this side of the completion date. */
	audits: number;
	/** Mean score (Outstanding 4 … Inadequate 1) of the pathway's practice areas, or of the overall grade. */
	score: number | null;
	/** The latest audit's overall grade (moderated where moderated). */
	latestOverall: Grade | null;
	/** Development findings tagged with the pathway's outcomes. */
	findingsOnOutcomes: number;
}

export interface PathwayImpact {
	progressId: string;
	practitionerId: string;
	practitionerName: string;
	teamName: string | null;
	pathwayId: string;
	pathwayTitle: string;
	completedAt: string;
	/** What the comparison measures: the pathway's practice areas, or the overall grade. */
	measure: 'areas' | 'overall';
	before: AuditSide;
	after: AuditSide;
	change: 'improved' | 'unchanged' | 'declined' | 'no-later-audit' | 'no-earlier-audit';
}

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

/**
 * For each completed pathway, the worker's audits before and after its completion: the grades
 * of the practice areas the pathway is about (its local standards; the overall grade when it
 * names none, moderated grades where an audit was moderated) and the development findings
 * tagged with its outcomes. Audits on the completion day count as before. Aggregated in SQL,
 * one row per completed pathway.
 */
export async function pathwayImpact(
	db: Db,
	scope: { practitionerId?: string; teamId?: string; since?: string }
): Promise<PathwayImpact[]> {
	const all = pathways();
	const areaPairs = pairs(all.flatMap((p) => p.standards.map((s): [string, string] => [p.id, s])));
	const outcomePairs = pairs(
		all.flatMap((p) => p.outcomes.map((o): [string, string] => [p.id, o]))
	);
	const day = sql<string>`substr(pathway_progress.completed_at, 1, 10)`;
	const before = sql`au.audited_on <= ${day}`;
	const overall = sql.ref('overall');
	const rows = await db
		.selectFrom('pathway_progress')
		.innerJoin('pathway_assignments', 'pathway_assignments.id', 'pathway_progress.assignment_id')
		.innerJoin('users', 'users.id', 'pathway_progress.practitioner_id')
		.leftJoin('teams', 'teams.id', 'users.team_id')
		.leftJoin(
			(eb) =>
				eb
					.selectFrom('audits')
					.select([
						'audits.id',
						'audits.practitioner_id',
						'audits.audited_on',
						'audits.moderated_at',
						sql<string>`coalesce(audits.moderated_overall_grade, audits.overall_grade)`.as(
							'overall'
						)
					])
					.where('audits.status', '=', 'finalised')
					.as('au'),
			(join) => join.onRef('au.practitioner_id', '=', 'pathway_progress.practitioner_id')
		)
		.select([
			'pathway_progress.id',
			'pathway_progress.practitioner_id',
			'pathway_progress.completed_at',
			'pathway_assignments.pathway_id',
			'users.name',
			'teams.name as teamName',
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
			>`max(case when not (${before}) then au.audited_on || ' ' || ${overall} end)`.as(
				'afterLatest'
			),
			// The pathway's areas, at the stage that stands for each audit, and the development
			// findings on its outcomes: each side its own subquery, so that one side without audits
			// leaves the other's figure alone.
			areaScore(db, areaPairs, sql<boolean>`a.audited_on <= ${day}`).as('areasBefore'),
			areaScore(db, areaPairs, sql<boolean>`a.audited_on > ${day}`).as('areasAfter'),
			findingCount(db, outcomePairs, sql<boolean>`a.audited_on <= ${day}`).as('findingsBefore'),
			findingCount(db, outcomePairs, sql<boolean>`a.audited_on > ${day}`).as('findingsAfter')
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

	// PostgreSQL sends averages and counts as text; SQLite as numbers.
	const number = (value: number | string | null | undefined) =>
		value === null || value === undefined ? null : Number(value);
	const latest = (text: string | null) => {
		const grade = text?.split(' ')[1];
		return isGrade(grade) ? grade : null;
	};
	return rows.flatMap((row) => {
		const pathway = getPathway(row.pathway_id);
		if (!pathway) return [];
		const measure = pathway.standards.length ? 'areas' : 'overall';
		const side = (
			audits: number,
			areas: number | string | null,
			overallScore: number | null,
			last: string | null,
			findings: number | string | null
		): AuditSide => ({
			audits: Number(audits),
			score:
				Number(audits) === 0
					? null
					: measure === 'areas'
						? number(areas)
						: overallScore === null
							? null
							: Number(overallScore),
			latestOverall: latest(last),
			findingsOnOutcomes: Number(findings || 0)
		});
		const beforeSide = side(
			row.beforeAudits,
			row.areasBefore,
			row.beforeOverall,
			row.beforeLatest,
			row.findingsBefore
		);
		const afterSide = side(
			row.afterAudits,
			row.areasAfter,
			row.afterOverall,
			row.afterLatest,
			row.findingsAfter
		);
		const change =
			afterSide.score === null
				? 'no-later-audit'
				: beforeSide.score === null
					? 'no-earlier-audit'
					: afterSide.score > beforeSide.score
						? 'improved'
						: afterSide.score < beforeSide.score
							? 'declined'
							: 'unchanged';
		return [
			{
				progressId: row.id,
				practitionerId: row.practitioner_id,
				practitionerName: row.name,
				teamName: row.teamName,
				pathwayId: pathway.id,
				pathwayTitle: pathway.title,
				completedAt: row.completed_at!,
				measure,
				before: beforeSide,
				after: afterSide,
				change
			}
		];
	});
}

/** Counts of completed pathways by what later audits showed, for a team or the service. */
export function summariseImpact(rows: PathwayImpact[]) {
	const count = (change: PathwayImpact['change']) => rows.filter((r) => r.change === change).length;
	return {
		completed: rows.length,
		improved: count('improved'),
		unchanged: count('unchanged'),
		declined: count('declined'),
		awaiting: count('no-later-audit') + count('no-earlier-audit')
	};
}
