import type { Db } from '../db';
import { dateOnly } from '../db/time';
import type { AuditDefinition } from '../audit/definition';
import type { Framework } from '../framework';
import { healthCheckTables } from '../health-check/results';
import { pathwayImpact, summariseImpact } from '../learning/impact';
import type { Table } from './figures';
import type { WorkforceFilters } from './filters';
import { ofFinalisedAudits, previousQuarter, quarterDates, quarterOf } from './audit-scope';
import { headlines } from './report-headlines';
import { recurringThemes, themeNames } from './themes';

/** The quarters a report can be for: this one and the seven before it, newest first. */
export function reportQuarters(today = dateOnly()) {
	const quarters = [quarterOf(today)];
	while (quarters.length < 8) quarters.push(previousQuarter(quarters.at(-1)!));
	return quarters;
}

/**
 * The quarterly quality-assurance report (STARLIng's Quality Assurance Forum): headline figures
 * against the quarter before, recurring themes, actions, the impact of learning, and the staff
 * health check (for the whole authority, whatever the filters).
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
	const name = themeNames(framework, definition);
	// At once: on PostgreSQL each asks a connection of its own.
	const tables = await Promise.all([
		headlines(db, filters, quarter, previous, today),
		topThemes(db, filters, quarter, previous, name),
		openActions(db, filters, quarter, today),
		impact(db, filters, quarter),
		healthCheckTables(db, quarter, today)
	]);
	return tables.flat();
}

/** The ten outcomes and standards most often tagged in the quarter's development findings. */
async function topThemes(
	db: Db,
	filters: WorkforceFilters,
	quarter: string,
	previous: string,
	name: ReturnType<typeof themeNames>
): Promise<Table> {
	const themes = await recurringThemes(db, { ...filters, period: 'all' }, previous, quarter);
	return {
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
			.map((t) => ({ ...name(t), thisQuarter: t.thisQuarter, lastQuarter: t.lastQuarter }))
	};
}

/** The actions from the quarter's audits not yet signed off (at most 200), soonest due first. */
async function openActions(
	db: Db,
	filters: WorkforceFilters,
	quarter: string,
	today: string
): Promise<Table> {
	// The 200 first due among the quarter's audits' actions, from the index alone (what each
	// action keeps of its audit, 2026-12-10-05), then their texts, cases and owners.
	const first = ofFinalisedAudits(db, quarter, filters.teamId)
		.select(['audit_actions.id', 'audit_actions.due_on'])
		.where('audit_actions.status', '!=', 'signed-off')
		.orderBy('audit_actions.due_on')
		.orderBy('audit_actions.id')
		.limit(200)
		.as('first');
	const actions = await db
		.selectFrom(first)
		.innerJoin('audit_actions', 'audit_actions.id', 'first.id')
		.innerJoin('audits', 'audits.id', 'audit_actions.audit_id')
		.innerJoin('users as owner', 'owner.id', 'audit_actions.owner_id')
		.select([
			'audits.id as auditId',
			'audits.case_ref',
			'audit_actions.description',
			'audit_actions.due_on',
			'audit_actions.status',
			'owner.name as owner'
		])
		.orderBy('first.due_on')
		.orderBy('first.id')
		.execute();
	return {
		id: 'actions',
		title: `Actions from this quarter’s audits not yet signed off`,
		columns: [
			{ key: 'caseRef', label: 'Case' },
			{ key: 'action', label: 'Action' },
			{ key: 'owner', label: 'Owner' },
			{ key: 'dueOn', label: 'Due', format: 'date' },
			{ key: 'state', label: 'Status' }
		],
		rows: actions.map((a) => ({
			auditId: a.auditId,
			caseRef: a.case_ref,
			action: a.description,
			owner: a.owner,
			dueOn: a.due_on,
			state: a.status === 'done' ? 'Done, awaiting sign-off' : a.due_on < today ? 'Overdue' : 'Open'
		}))
	};
}

/** The pathways completed in the quarter, by what the worker's later audits show. */
async function impact(db: Db, filters: WorkforceFilters, quarter: string): Promise<Table> {
	const { start, end } = quarterDates(quarter);
	const completed = await pathwayImpact(db, { teamId: filters.teamId, since: start });
	const summary = summariseImpact(completed.filter((r) => r.completedAt.slice(0, 10) <= end));
	return {
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
	};
}
