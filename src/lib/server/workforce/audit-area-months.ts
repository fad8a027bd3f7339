import { sql } from 'kysely';
import type { Db } from '../db';
import { daysBetween } from '../db/time';
import { addMonths } from '../programme/month';
import { bucket, monthBucket, scoped, type AuditsWhere, type Grain } from './audit-scope';
import type { WorkforceFilters } from './filters';

// Each practice area's grades by month or quarter, and moderation's changes to them, for the
// audit analysis: from the counts kept by month and team (`audit_area_months` and
// `audit_moderation_months`, see their migrations) where the filters allow, rather than grouping
// every area grade of the period on each request.

export interface AreaGradeCount {
	area_id: string;
	period: string;
	grade: string;
	n: number;
}

/** Days from `from` to before `before`, both `yyyy-mm-dd`. */
export interface DayRange {
	from: string;
	before: string;
}

/**
 * How a period from `since` is made of months kept and days counted from the rows: the kept
 * months from `fromMonth` (`yyyy-mm`; every month without one), and the days of `since`'s month
 * in the period counted and `added`, or, where fewer of its days come before `since` than from
 * it, the whole month kept and the days before `since` counted and `takenAway`: so that at most
 * half a month is ever counted from the rows, whatever the day.
 */
export function periodParts(since: string | undefined): {
	fromMonth?: string;
	added?: DayRange;
	takenAway?: DayRange;
} {
	if (!since || since.endsWith('-01')) return { fromMonth: since?.slice(0, 7) };
	const monthStart = `${since.slice(0, 8)}01`;
	const nextMonth = addMonths(monthStart, 1);
	if (daysBetween(monthStart, since) < daysBetween(since, nextMonth))
		return { fromMonth: since.slice(0, 7), takenAway: { from: monthStart, before: since } };
	return { fromMonth: nextMonth.slice(0, 7), added: { from: since, before: nextMonth } };
}

/** The filters' finalised audits in a range of days. */
const inDays =
	(filters: WorkforceFilters, { from, before }: DayRange): AuditsWhere =>
	(eb) =>
		eb.and([scoped(filters, from)(eb), eb('audits.audited_on', '<', before)]);

/**
 * What the audit analysis counts, from the rows kept by month and team where the filters allow:
 * with a career stage or a programme, `counted` from the audits over the whole period; otherwise
 * `kept` by month (`periodParts`), one row a `key`, with the days of a part month `counted` and
 * added or taken away, row by row with the same `key`, in each of the `counts` named.
 */
export async function keptAndCounted<T extends object>(
	filters: WorkforceFilters,
	since: string | undefined,
	counted: (where: AuditsWhere) => Promise<T[]>,
	kept: (fromMonth: string | undefined) => Promise<T[]>,
	key: (row: T) => string,
	counts: (keyof T)[]
): Promise<T[]> {
	if (filters.stage || filters.programme) return counted(scoped(filters, since));
	const { fromMonth, added, takenAway } = periodParts(since);
	const [keptRows, addedRows, takenRows] = await Promise.all([
		kept(fromMonth),
		added ? counted(inDays(filters, added)) : [],
		takenAway ? counted(inDays(filters, takenAway)) : []
	]);
	const sums = new Map<string, T>();
	const add = (rows: T[], sign: number) => {
		for (const row of rows) {
			const sum = sums.get(key(row));
			const n = (c: keyof T) => Number(sum?.[c] ?? 0) + sign * Number(row[c]);
			sums.set(key(row), { ...row, ...Object.fromEntries(counts.map((c) => [c, n(c)])) });
		}
	};
	add(keptRows, 1);
	add(addedRows, 1);
	add(takenRows, -1);
	// A count all of whose days were taken away is no row, as it would be counted from the audits.
	return [...sums.values()].filter((row) => counts.some((c) => row[c] !== 0));
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
export function areaGradeCounts(
	db: Db,
	filters: WorkforceFilters,
	since: string | undefined,
	grain: Grain
): Promise<AreaGradeCount[]> {
	const kept = (fromMonth: string | undefined) =>
		db
			.selectFrom('audit_area_months')
			.select([
				'area_id',
				monthBucket(grain).as('period'),
				'grade',
				(eb) => eb.fn.sum<number>('n').as('n')
			])
			.$if(Boolean(filters.teamId), (q) => q.where('team_key', '=', filters.teamId!))
			.$if(Boolean(fromMonth), (q) => q.where('month', '>=', fromMonth!))
			.groupBy(['area_id', monthBucket(grain), 'grade'])
			.execute();
	return keptAndCounted(
		filters,
		since,
		(where) => countedAreaGrades(db, where, grain),
		kept,
		(row) => `${row.area_id}|${row.period}|${row.grade}`,
		['n']
	);
}

export interface ModerationCount {
	area_id: string;
	moderated: number;
	changed: number;
}

/**
 * For each practice area, the moderated audits and how many had that area's grade changed: the
 * moderated audits from the scope's index, then each one's two stages' grades from the covering
 * index (asked as a join, SQLite would read every moderation grade there has been).
 */
function countedModeration(db: Db, where: AuditsWhere) {
	const moderated = db
		.selectFrom('audits')
		.select('audits.id')
		.where(where)
		.where('audits.moderated_at', 'is not', null);
	return db
		.selectFrom('audit_grades as m')
		.innerJoin('audit_grades as a', (join) =>
			join
				.onRef('a.audit_id', '=', 'm.audit_id')
				.onRef('a.area_id', '=', 'm.area_id')
				.on('a.stage', '=', 'audit')
		)
		.select([
			'm.area_id',
			(eb) => eb.fn.countAll<number>().as('moderated'),
			sql<number>`sum(case when m.effective_grade <> a.effective_grade then 1 else 0 end)`.as(
				'changed'
			)
		])
		.where('m.stage', '=', 'moderation')
		.where('m.audit_id', 'in', moderated)
		.groupBy('m.area_id')
		.execute();
}

/** Moderation's changes by practice area in the filters' audits since a date, as kept. */
export function moderationCounts(
	db: Db,
	filters: WorkforceFilters,
	since: string | undefined
): Promise<ModerationCount[]> {
	const kept = (fromMonth: string | undefined) =>
		db
			.selectFrom('audit_moderation_months')
			.select([
				'area_id',
				(eb) => eb.fn.sum<number>('moderated').as('moderated'),
				(eb) => eb.fn.sum<number>('changed').as('changed')
			])
			.$if(Boolean(filters.teamId), (q) => q.where('team_key', '=', filters.teamId!))
			.$if(Boolean(fromMonth), (q) => q.where('month', '>=', fromMonth!))
			.groupBy('area_id')
			.execute();
	return keptAndCounted(
		filters,
		since,
		(where) => countedModeration(db, where),
		kept,
		(row) => row.area_id,
		['moderated', 'changed']
	);
}
