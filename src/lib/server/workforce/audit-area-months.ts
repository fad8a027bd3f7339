import { sql } from 'kysely';
import type { Db } from '../db';
import { addMonths } from '../programme/month';
import { bucket, quarterOf, scoped, type AuditsWhere, type Grain } from './audit-scope';
import type { WorkforceFilters } from './filters';

// Each practice area's grades by month or quarter, for the audit analysis: from the counts kept
// by month and team (`audit_area_months`, see its migration) where the filters allow, rather
// than grouping every area grade of the period on each request.

export interface AreaGradeCount {
	area_id: string;
	period: string;
	grade: string;
	n: number;
}

/** Moderated grades stand where an audit was moderated. */
const standing = sql<boolean>`audit_grades.stage = case when audits.moderated_at is null then 'audit' else 'moderation' end`;

/** The counts from the audits themselves: their standing area grades, grouped. */
function countedAreaGrades(db: Db, where: AuditsWhere, grain: Grain) {
	return db
		.selectFrom('audit_grades')
		.innerJoin('audits', 'audits.id', 'audit_grades.audit_id')
		.select([
			'audit_grades.area_id',
			bucket(grain).as('period'),
			'audit_grades.effective_grade as grade',
			(eb) => eb.fn.countAll<number>().as('n')
		])
		.where(where)
		.where(standing)
		.where('audit_grades.effective_grade', '!=', 'not-applicable')
		.groupBy(['audit_grades.area_id', bucket(grain), 'audit_grades.effective_grade'])
		.execute();
}

/**
 * The filters' finalised audits since a date, each practice area's standing grades counted by
 * period. The kept counts are by month and team: a career stage or a programme is asked of the
 * audits themselves, and so is the part of a month before which the period starts.
 */
export async function areaGradeCounts(
	db: Db,
	filters: WorkforceFilters,
	since: string | undefined,
	grain: Grain
): Promise<AreaGradeCount[]> {
	if (filters.stage || filters.programme)
		return countedAreaGrades(db, scoped(filters, since), grain);
	const firstWhole =
		since && (since.endsWith('-01') ? since : addMonths(since.slice(0, 8) + '01', 1));
	const kept = await db
		.selectFrom('audit_area_months')
		.select(['month as period', 'area_id', 'grade', (eb) => eb.fn.sum<number>('n').as('n')])
		.$if(Boolean(filters.teamId), (q) => q.where('team_key', '=', filters.teamId!))
		.$if(Boolean(firstWhole), (q) => q.where('month', '>=', firstWhole!.slice(0, 7)))
		.groupBy(['month', 'area_id', 'grade'])
		.execute();
	const partMonth =
		since && since !== firstWhole
			? await countedAreaGrades(
					db,
					(eb) => eb.and([scoped(filters, since)(eb), eb('audits.audited_on', '<', firstWhole!)]),
					'month'
				)
			: [];
	const counts = new Map<string, AreaGradeCount>();
	for (const row of [...partMonth, ...kept]) {
		const period = grain === 'month' ? row.period : quarterOf(`${row.period}-01`);
		const key = `${row.area_id}|${period}|${row.grade}`;
		const count = counts.get(key) ?? { area_id: row.area_id, period, grade: row.grade, n: 0 };
		count.n += Number(row.n);
		counts.set(key, count);
	}
	return [...counts.values()];
}
