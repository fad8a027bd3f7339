import { sql } from 'kysely';
import { gradeNames, grades } from '$lib/audit/grades';
import type { Db } from '../db';
import type { AuditDefinition } from '../audit/definition';
import { areaGradeCounts, keptAndCounted, moderationCounts } from './audit-area-months';
import { bucket, monthBucket, type AuditsWhere, type Grain, type Scope } from './audit-scope';
import { percent, type Column, type Table } from './figures';

// The audit analysis's grade tables: overall grades by period, by practice area and by team, and
// how often moderation changed a grade.

const gradeColumns: Column[] = [
	...grades.map((g) => ({ key: g, label: gradeNames[g], numeric: true })),
	{ key: 'total', label: 'Audits', numeric: true },
	{ key: 'goodOrBetter', label: 'Good or better %', numeric: true }
];

const periodColumn = (grain: Grain): Column => ({
	key: 'period',
	label: grain === 'month' ? 'Month' : 'Quarter',
	format: 'period'
});

/** Moderated grades stand where an audit was moderated. */
const overall = sql<string>`coalesce(audits.moderated_overall_grade, audits.overall_grade)`;

function gradeRow(counts: Map<string, number>) {
	const row: Record<string, number | null> = {};
	let total = 0;
	for (const g of grades) {
		row[g] = counts.get(g) ?? 0;
		total += row[g]!;
	}
	row.total = total;
	row.goodOrBetter = percent((row.outstanding ?? 0) + (row.good ?? 0), total);
	return row;
}

/** Group rows of (key…, grade, n) into one row per key with a count for each grade. */
function byGrade<T extends { grade: string | null; n: number | string }>(
	rows: T[],
	keyOf: (row: T) => string
) {
	const groups = new Map<string, { first: T; counts: Map<string, number> }>();
	for (const row of rows) {
		const key = keyOf(row);
		const group = groups.get(key) ?? { first: row, counts: new Map() };
		group.counts.set(row.grade ?? '', Number(row.n));
		groups.set(key, group);
	}
	return [...groups.values()];
}

/** The practice areas' order in the audit form, for sorting; unknown areas last. */
function areaOrder(definition: AuditDefinition) {
	const order = new Map(definition.areas.map((a, i) => [a.id, i]));
	return (areaId: string) => order.get(areaId) ?? 99;
}

const areaTitle = (definition: AuditDefinition) => {
	const titles = new Map(definition.areas.map((a) => [a.id, a.title]));
	return (areaId: string) => titles.get(areaId) ?? areaId;
};

/**
 * The filters' finalised audits since a date, by overall grade and period, and by team with
 * `byTeam` (`teamId` null otherwise, and for audits of no team): from the counts kept by month
 * and team where the filters allow.
 */
function overallGradeCounts(db: Db, { filters, since }: Scope, grain: Grain, byTeam: boolean) {
	const team = byTeam ? sql<string | null>`audits.team_id` : sql<string | null>`null`;
	const counted = (where: AuditsWhere) =>
		db
			.selectFrom('audits')
			.select([
				team.as('teamId'),
				bucket(grain).as('period'),
				overall.as('grade'),
				(eb) => eb.fn.countAll<number>().as('n')
			])
			.where(where)
			.groupBy([bucket(grain), overall])
			.$if(byTeam, (q) => q.groupBy('audits.team_id'))
			.execute();
	const kept = async (fromMonth: string | undefined) => {
		const rows = await db
			.selectFrom('audit_grade_months')
			.select([
				sql<string>`${sql.raw(byTeam ? 'team_key' : "''")}`.as('teamKey'),
				monthBucket(grain).as('period'),
				'grade',
				(eb) => eb.fn.sum<number>('n').as('n')
			])
			.$if(Boolean(filters.teamId), (q) => q.where('team_key', '=', filters.teamId!))
			.$if(Boolean(fromMonth), (q) => q.where('month', '>=', fromMonth!))
			.groupBy([monthBucket(grain), 'grade'])
			.$if(byTeam, (q) => q.groupBy('team_key'))
			.execute();
		return rows.map((r) => ({
			teamId: r.teamKey || null,
			period: r.period,
			grade: r.grade,
			n: r.n
		}));
	};
	return keptAndCounted(
		filters,
		since,
		counted,
		kept,
		(row) => `${row.teamId}|${row.period}|${row.grade}`,
		['n']
	);
}

/** Overall grades by month or by quarter. */
export async function overallGrades(db: Db, scope: Scope, grain: Grain): Promise<Table> {
	const rows = await overallGradeCounts(db, scope, grain, false);
	rows.sort((a, b) => a.period.localeCompare(b.period));
	return {
		id: `overall-by-${grain}`,
		title: `Overall grades by ${grain}`,
		columns: [periodColumn(grain), ...gradeColumns],
		rows: byGrade(rows, (r) => r.period).map(({ first, counts }) => ({
			period: first.period,
			...gradeRow(counts)
		}))
	};
}

/** Each practice area's grades by month or quarter, at the stage that stands for each audit. */
export async function areaGrades(
	db: Db,
	{ filters, since }: Scope,
	grain: Grain,
	definition: AuditDefinition
): Promise<Table> {
	const rows = await areaGradeCounts(db, filters, since, grain);
	const [order, title] = [areaOrder(definition), areaTitle(definition)];
	return {
		id: 'areas',
		title: `Grades by practice area and ${grain}`,
		columns: [{ key: 'area', label: 'Practice area' }, periodColumn(grain), ...gradeColumns],
		rows: byGrade(rows, (r) => `${r.area_id}|${r.period}`)
			.map(({ first, counts }) => ({
				area: title(first.area_id),
				areaId: first.area_id,
				period: first.period,
				...gradeRow(counts)
			}))
			.sort((a, b) => order(a.areaId) - order(b.areaId) || a.period.localeCompare(b.period))
	};
}

/** Each team's overall grades by month or quarter, with its id for links (none for no team). */
export async function teamGrades(db: Db, scope: Scope, grain: Grain): Promise<Table> {
	const [rows, teams] = await Promise.all([
		overallGradeCounts(db, scope, grain, true),
		db.selectFrom('teams').select(['id', 'name']).execute()
	]);
	const teamName = new Map(teams.map((t) => [t.id, t.name]));
	return {
		id: 'teams',
		title: `Overall grades by team and ${grain}`,
		columns: [{ key: 'team', label: 'Team' }, periodColumn(grain), ...gradeColumns],
		rows: byGrade(rows, (r) => `${r.teamId}|${r.period}`)
			.map(({ first, counts }) => ({
				// Teams are not deleted, and an audit's team refers to one.
				team: (first.teamId && teamName.get(first.teamId)) || 'No team',
				teamId: first.teamId,
				period: first.period,
				...gradeRow(counts)
			}))
			.sort((a, b) => a.team.localeCompare(b.team) || a.period.localeCompare(b.period))
	};
}

/** For each practice area, the moderated audits and how many had that area's grade changed. */
export async function moderationChanges(
	db: Db,
	{ filters, since }: Scope,
	definition: AuditDefinition
): Promise<Table> {
	const moderation = await moderationCounts(db, filters, since);
	const [order, title] = [areaOrder(definition), areaTitle(definition)];
	return {
		id: 'moderation',
		title: 'Moderation: grades changed by practice area',
		columns: [
			{ key: 'area', label: 'Practice area' },
			{ key: 'moderated', label: 'Moderated', numeric: true },
			{ key: 'changed', label: 'Changed', numeric: true },
			{ key: 'changedShare', label: 'Changed %', numeric: true }
		],
		rows: moderation
			.map((m) => ({
				areaId: m.area_id,
				area: title(m.area_id),
				moderated: Number(m.moderated),
				changed: Number(m.changed),
				changedShare: percent(Number(m.changed), Number(m.moderated))
			}))
			.sort((a, b) => order(a.areaId) - order(b.areaId))
	};
}
