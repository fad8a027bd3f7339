import { sql } from 'kysely';
import { gradeNames, grades } from '$lib/audit/grades';
import type { Db } from '../db';
import { dateOnly, daysBetween } from '../db/time';
import type { AuditDefinition } from '../audit/definition';
import type { Framework } from '../framework';
import { outcomesOf } from '../framework';
import { bucket, previousQuarter, quarterOf, scoped, type Grain } from './audit-scope';
import { percent, type Column, type Table } from './figures';
import { periodStart, type WorkforceFilters } from './filters';
import { recurringThemes } from './themes';

const gradeColumns: Column[] = [
	...grades.map((g) => ({ key: g, label: gradeNames[g], numeric: true })),
	{ key: 'total', label: 'Audits', numeric: true },
	{ key: 'goodOrBetter', label: 'Good or better %', numeric: true }
];

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

/**
 * The audit analysis: overall grades by month and by quarter, each practice area's and each
 * team's grades by month or quarter, open Inadequate responses, overdue actions, moderation
 * changes, and the outcomes and standards most often tagged in development findings this quarter
 * against last. Every figure is a SQL aggregate.
 */
export async function auditAnalysis(
	db: Db,
	definition: AuditDefinition,
	framework: Framework,
	filters: WorkforceFilters,
	grain: Grain,
	today = dateOnly()
): Promise<Table[]> {
	const since = periodStart(filters.period, today);
	const where = scoped(filters, since);
	// Moderated grades stand where an audit was moderated.
	const overall = sql<string>`coalesce(audits.moderated_overall_grade, audits.overall_grade)`;
	const overallBy = async (g: Grain) =>
		byGrade(
			await db
				.selectFrom('audits')
				.select([
					bucket(g).as('period'),
					overall.as('grade'),
					(eb) => eb.fn.countAll<number>().as('n')
				])
				.where(where)
				.groupBy([bucket(g), overall])
				.orderBy(bucket(g))
				.execute(),
			(r) => r.period
		).map(({ first, counts }) => ({ period: first.period, ...gradeRow(counts) }));

	const stage = sql<
		'audit' | 'moderation'
	>`case when audits.moderated_at is null then 'audit' else 'moderation' end`;
	const areaRows = await db
		.selectFrom('audit_grades')
		.innerJoin('audits', 'audits.id', 'audit_grades.audit_id')
		.select([
			'audit_grades.area_id',
			bucket(grain).as('period'),
			'audit_grades.effective_grade as grade',
			(eb) => eb.fn.countAll<number>().as('n')
		])
		.where(where)
		.where((eb) => eb('audit_grades.stage', '=', stage))
		.where('audit_grades.effective_grade', '!=', 'not-applicable')
		.groupBy(['audit_grades.area_id', bucket(grain), 'audit_grades.effective_grade'])
		.execute();
	const areaOrder = new Map(definition.areas.map((a, i) => [a.id, i]));
	const areaTitle = new Map(definition.areas.map((a) => [a.id, a.title]));
	const areas = byGrade(areaRows, (r) => `${r.area_id}|${r.period}`)
		.map(({ first, counts }) => ({
			area: areaTitle.get(first.area_id) ?? first.area_id,
			areaId: first.area_id,
			period: first.period,
			...gradeRow(counts)
		}))
		.sort(
			(a, b) =>
				(areaOrder.get(a.areaId) ?? 99) - (areaOrder.get(b.areaId) ?? 99) ||
				a.period.localeCompare(b.period)
		);

	const teamRows = await db
		.selectFrom('audits')
		.leftJoin('teams', 'teams.id', 'audits.team_id')
		.select([
			'teams.name as team',
			bucket(grain).as('period'),
			overall.as('grade'),
			(eb) => eb.fn.countAll<number>().as('n')
		])
		.where(where)
		.groupBy(['teams.name', bucket(grain), overall])
		.execute();
	const teams = byGrade(teamRows, (r) => `${r.team}|${r.period}`)
		.map(({ first, counts }) => ({
			team: first.team ?? 'No team',
			period: first.period,
			...gradeRow(counts)
		}))
		.sort((a, b) => a.team.localeCompare(b.team) || a.period.localeCompare(b.period));

	const waiting = await db
		.selectFrom('audits')
		.innerJoin('users', 'users.id', 'audits.practitioner_id')
		.leftJoin('teams', 'teams.id', 'audits.team_id')
		.select([
			'audits.id',
			'audits.case_ref',
			'audits.escalation',
			'audits.finalised_at',
			'users.name',
			'teams.name as team'
		])
		.where(where)
		.where('audits.escalation', 'is not', null)
		.where('audits.response_at', 'is', null)
		.orderBy('audits.finalised_at')
		.execute();

	const overdue = await db
		.selectFrom('audit_actions')
		.innerJoin('audits', 'audits.id', 'audit_actions.audit_id')
		.innerJoin('users as owner', 'owner.id', 'audit_actions.owner_id')
		.leftJoin('teams', 'teams.id', 'audits.team_id')
		.select([
			'audits.id as auditId',
			'audits.case_ref',
			'audit_actions.description',
			'audit_actions.due_on',
			'owner.name as owner',
			'teams.name as team'
		])
		.where(where)
		.where('audit_actions.status', '=', 'open')
		.where('audit_actions.due_on', '<', today)
		.orderBy('audit_actions.due_on')
		.limit(500)
		.execute();

	// From the moderated audits, each with its two stages' grades from the covering index.
	const moderation = await db
		.selectFrom('audits')
		.innerJoin('audit_grades as m', (join) =>
			join.onRef('m.audit_id', '=', 'audits.id').on('m.stage', '=', 'moderation')
		)
		.innerJoin('audit_grades as a', (join) =>
			join
				.onRef('a.audit_id', '=', 'audits.id')
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
		.where(where)
		.where('audits.moderated_at', 'is not', null)
		.groupBy('m.area_id')
		.execute();

	const thisQuarter = quarterOf(today);
	const lastQuarter = previousQuarter(thisQuarter);
	const themes = await recurringThemes(db, filters, lastQuarter, thisQuarter);
	const outcomeTitle = new Map(outcomesOf(framework).map((o) => [o.id, o.title]));
	const standardTitle = new Map(definition.standardSet.items.map((i) => [i.ref, i.title]));
	const days = (from: string) => Math.floor(daysBetween(from, today));
	const label = grain === 'month' ? 'Month' : 'Quarter';

	return [
		{
			id: 'overall-by-month',
			title: 'Overall grades by month',
			columns: [{ key: 'period', label: 'Month', format: 'period' }, ...gradeColumns],
			rows: await overallBy('month')
		},
		{
			id: 'overall-by-quarter',
			title: 'Overall grades by quarter',
			columns: [{ key: 'period', label: 'Quarter', format: 'period' }, ...gradeColumns],
			rows: await overallBy('quarter')
		},
		{
			id: 'areas',
			title: `Grades by practice area and ${grain}`,
			columns: [
				{ key: 'area', label: 'Practice area' },
				{ key: 'period', label, format: 'period' },
				...gradeColumns
			],
			rows: areas
		},
		{
			id: 'teams',
			title: `Overall grades by team and ${grain}`,
			columns: [
				{ key: 'team', label: 'Team' },
				{ key: 'period', label, format: 'period' },
				...gradeColumns
			],
			rows: teams
		},
		{
			id: 'awaiting-response',
			title: 'Escalated audits still waiting for a response',
			columns: [
				{ key: 'caseRef', label: 'Case' },
				{ key: 'practitioner', label: 'Practitioner' },
				{ key: 'team', label: 'Team' },
				{ key: 'escalation', label: 'Needs' },
				{ key: 'daysWaiting', label: 'Days waiting', numeric: true }
			],
			rows: waiting.map((w) => ({
				auditId: w.id,
				caseRef: w.case_ref,
				practitioner: w.name,
				team: w.team ?? '',
				escalation:
					w.escalation === 'same-day' ? 'Same-day response (Inadequate)' : 'Urgent review',
				daysWaiting: days(w.finalised_at ?? today)
			}))
		},
		{
			id: 'overdue-actions',
			title: 'Overdue audit actions',
			columns: [
				{ key: 'caseRef', label: 'Case' },
				{ key: 'action', label: 'Action' },
				{ key: 'owner', label: 'Owner' },
				{ key: 'team', label: 'Team' },
				{ key: 'dueOn', label: 'Due', format: 'date' },
				{ key: 'daysOverdue', label: 'Days overdue', numeric: true }
			],
			rows: overdue.map((o) => ({
				auditId: o.auditId,
				caseRef: o.case_ref,
				action: o.description,
				owner: o.owner,
				team: o.team ?? '',
				dueOn: o.due_on,
				daysOverdue: days(o.due_on)
			}))
		},
		{
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
					area: areaTitle.get(m.area_id) ?? m.area_id,
					moderated: Number(m.moderated),
					changed: Number(m.changed),
					changedShare: percent(Number(m.changed), Number(m.moderated))
				}))
				.sort((a, b) => (areaOrder.get(a.areaId) ?? 99) - (areaOrder.get(b.areaId) ?? 99))
		},
		{
			id: 'themes',
			title: `Recurring themes: outcomes and standards tagged in areas for development, ${thisQuarter} against ${lastQuarter}`,
			columns: [
				{ key: 'ref', label: 'Outcome or standard' },
				{ key: 'title', label: 'Title' },
				{ key: 'thisQuarter', label: thisQuarter, numeric: true },
				{ key: 'lastQuarter', label: lastQuarter, numeric: true },
				{ key: 'change', label: 'Change', numeric: true }
			],
			rows: themes.map((t) => ({
				ref: t.kind === 'outcome' ? t.ref : `Standard ${t.ref.split('-').at(-1)}`,
				title: (t.kind === 'outcome' ? outcomeTitle.get(t.ref) : standardTitle.get(t.ref)) ?? t.ref,
				thisQuarter: t.thisQuarter,
				lastQuarter: t.lastQuarter,
				change: t.thisQuarter - t.lastQuarter
			}))
		}
	];
}
