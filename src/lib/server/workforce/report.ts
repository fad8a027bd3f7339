import { sql } from 'kysely';
import type { Db } from '../db';
import { dateOnly } from '../db/time';
import type { AuditDefinition } from '../audit/definition';
import type { Framework } from '../framework';
import { outcomesOf } from '../framework';
import { pathwayImpact, summariseImpact } from '../learning/impact';
import { percent, type Table } from './figures';
import type { WorkforceFilters } from './filters';
import { previousQuarter, quarterDates, quarterOf } from './audit-scope';
import { recurringThemes } from './themes';

/** The quarters a report can be for: this one and the seven before it, newest first. */
export function reportQuarters(today = dateOnly()) {
	const quarters = [quarterOf(today)];
	while (quarters.length < 8) quarters.push(previousQuarter(quarters.at(-1)!));
	return quarters;
}

/**
 * The quarterly quality-assurance report (STARLIng's Quality Assurance Forum): headline figures
 * against the quarter before, recurring themes, actions, and the impact of learning.
 */
export async function quarterlyReport(
	db: Db,
	definition: AuditDefinition,
	framework: Framework,
	filters: WorkforceFilters,
	quarter: string,
	today = dateOnly()
): Promise<Table[]> {
	const previous = previousQuarter(quarter);
	const team = (q: ReturnType<typeof auditsIn>) =>
		filters.teamId ? q.where('audits.team_id', '=', filters.teamId) : q;
	function auditsIn(which: string) {
		const { start, end } = quarterDates(which);
		return db
			.selectFrom('audits')
			.where('audits.status', '=', 'finalised')
			.where('audits.audited_on', '>=', start)
			.where('audits.audited_on', '<=', end);
	}
	async function headline(which: string) {
		const { start, end } = quarterDates(which);
		const grades = await team(auditsIn(which))
			.select([
				(eb) => eb.fn.countAll<number>().as('audits'),
				sql<number>`sum(case when coalesce(audits.moderated_overall_grade, audits.overall_grade) in ('outstanding', 'good') then 1 else 0 end)`.as(
					'good'
				),
				sql<number>`sum(case when audits.overall_grade = 'inadequate' then 1 else 0 end)`.as(
					'inadequate'
				),
				sql<number>`sum(case when audits.overall_grade = 'requires-improvement' then 1 else 0 end)`.as(
					'ri'
				),
				sql<number>`sum(case when audits.escalation = 'same-day' and audits.response_at is not null and substr(audits.response_at, 1, 10) <= substr(audits.finalised_at, 1, 10) then 1 else 0 end)`.as(
					'sameDay'
				),
				sql<number>`sum(case when audits.moderated_at is not null then 1 else 0 end)`.as(
					'moderated'
				)
			])
			.executeTakeFirstOrThrow();
		const actions = await team(auditsIn(which))
			.innerJoin('audit_actions', 'audit_actions.audit_id', 'audits.id')
			.select([
				(eb) => eb.fn.countAll<number>().as('actions'),
				sql<number>`sum(case when audit_actions.status = 'signed-off' then 1 else 0 end)`.as(
					'signedOff'
				),
				sql<number>`sum(case when audit_actions.status = 'open' and audit_actions.due_on < ${today} then 1 else 0 end)`.as(
					'overdue'
				)
			])
			.executeTakeFirstOrThrow();
		const needs = await db
			.selectFrom('learning_needs')
			.innerJoin('users', 'users.id', 'learning_needs.practitioner_id')
			.select([
				sql<number>`sum(case when learning_needs.created_at >= ${start} and learning_needs.created_at <= ${end + 'T23:59:59.999Z'} then 1 else 0 end)`.as(
					'raised'
				),
				sql<number>`sum(case when learning_needs.met_at >= ${start} and learning_needs.met_at <= ${end + 'T23:59:59.999Z'} then 1 else 0 end)`.as(
					'met'
				)
			])
			.$if(Boolean(filters.teamId), (q) => q.where('users.team_id', '=', filters.teamId!))
			.executeTakeFirstOrThrow();
		const completed = await db
			.selectFrom('pathway_progress')
			.innerJoin('users', 'users.id', 'pathway_progress.practitioner_id')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('pathway_progress.completed_at', '>=', start)
			.where('pathway_progress.completed_at', '<=', `${end}T23:59:59.999Z`)
			.$if(Boolean(filters.teamId), (q) => q.where('users.team_id', '=', filters.teamId!))
			.executeTakeFirstOrThrow();
		const n = (v: unknown) => Number(v ?? 0);
		return {
			audits: n(grades.audits),
			goodOrBetter: percent(n(grades.good), n(grades.audits)),
			requiresImprovement: n(grades.ri),
			inadequate: n(grades.inadequate),
			respondedSameDay: n(grades.sameDay),
			moderated: percent(n(grades.moderated), n(grades.audits)),
			actions: n(actions.actions),
			actionsSignedOff: n(actions.signedOff),
			actionsOverdue: n(actions.overdue),
			needsRaised: n(needs.raised),
			needsMet: n(needs.met),
			pathwaysCompleted: n(completed.n)
		};
	}
	const [now, before] = await Promise.all([headline(quarter), headline(previous)]);
	const labels: Record<keyof typeof now, string> = {
		audits: 'Case audits finalised',
		goodOrBetter: 'Good or better (%)',
		requiresImprovement: 'Requires improvement',
		inadequate: 'Inadequate',
		respondedSameDay: 'Inadequate audits responded to the same day',
		moderated: 'Moderated (%)',
		actions: 'Audit actions agreed',
		actionsSignedOff: 'Of those, signed off',
		actionsOverdue: 'Of those, overdue today',
		needsRaised: 'Learning needs raised',
		needsMet: 'Learning needs met',
		pathwaysCompleted: 'Learning pathways completed'
	};
	const themes = await recurringThemes(db, { ...filters, period: 'all' }, previous, quarter);
	const outcomeTitle = new Map(outcomesOf(framework).map((o) => [o.id, o.title]));
	const standardTitle = new Map(definition.standardSet.items.map((i) => [i.ref, i.title]));
	const { start, end } = quarterDates(quarter);
	const overdue = await team(auditsIn(quarter))
		.innerJoin('audit_actions', 'audit_actions.audit_id', 'audits.id')
		.innerJoin('users as owner', 'owner.id', 'audit_actions.owner_id')
		.select([
			'audits.id as auditId',
			'audits.case_ref',
			'audit_actions.description',
			'audit_actions.due_on',
			'audit_actions.status',
			'owner.name as owner'
		])
		.where('audit_actions.status', '!=', 'signed-off')
		.orderBy('audit_actions.due_on')
		.limit(200)
		.execute();
	const impact = (await pathwayImpact(db, { teamId: filters.teamId, since: start })).filter(
		(r) => r.completedAt.slice(0, 10) <= end
	);
	const summary = summariseImpact(impact);
	return [
		{
			id: 'headlines',
			title: `Headline figures, ${quarter} against ${previous}`,
			columns: [
				{ key: 'measure', label: 'Measure' },
				{ key: 'thisQuarter', label: quarter, numeric: true },
				{ key: 'lastQuarter', label: previous, numeric: true }
			],
			rows: (Object.keys(labels) as (keyof typeof now)[]).map((key) => ({
				measure: labels[key],
				thisQuarter: now[key],
				lastQuarter: before[key]
			}))
		},
		{
			id: 'themes',
			title: `Themes: outcomes and standards most often tagged in areas for development`,
			columns: [
				{ key: 'ref', label: 'Outcome or standard' },
				{ key: 'title', label: 'Title' },
				{ key: 'thisQuarter', label: quarter, numeric: true },
				{ key: 'lastQuarter', label: previous, numeric: true }
			],
			rows: themes
				.filter((t) => t.thisQuarter > 0)
				.slice(0, 10)
				.map((t) => ({
					ref: t.kind === 'outcome' ? t.ref : `Standard ${t.ref.split('-').at(-1)}`,
					title:
						(t.kind === 'outcome' ? outcomeTitle.get(t.ref) : standardTitle.get(t.ref)) ?? t.ref,
					thisQuarter: t.thisQuarter,
					lastQuarter: t.lastQuarter
				}))
		},
		{
			id: 'actions',
			title: `Actions from this quarter’s audits not yet signed off`,
			columns: [
				{ key: 'caseRef', label: 'Case' },
				{ key: 'action', label: 'Action' },
				{ key: 'owner', label: 'Owner' },
				{ key: 'dueOn', label: 'Due', format: 'date' },
				{ key: 'state', label: 'Status' }
			],
			rows: overdue.map((a) => ({
				auditId: a.auditId,
				caseRef: a.case_ref,
				action: a.description,
				owner: a.owner,
				dueOn: a.due_on,
				state:
					a.status === 'done' ? 'Done, awaiting sign-off' : a.due_on < today ? 'Overdue' : 'Open'
			}))
		},
		{
			id: 'impact',
			title: 'Impact: pathways completed this quarter, and what later audits show',
			columns: [
				{ key: 'measure', label: 'Measure' },
				{ key: 'value', label: 'Pathways', numeric: true }
			],
			rows: [
				{ measure: 'Completed this quarter', value: summary.completed },
				{ measure: 'Improved in later audits', value: summary.improved },
				{ measure: 'No change', value: summary.unchanged },
				{ measure: 'Declined', value: summary.declined },
				{ measure: 'No audit to compare yet', value: summary.awaiting }
			]
		}
	];
}
