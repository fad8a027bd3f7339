import type { Paging } from '$lib/paging';
import { auditDefinition } from '../audit';
import { bundledContent } from '../content/bundled';
import type { Db } from '../db';
import { keptFigures } from '../db/kept-figures';
import { isKeyOf } from '../forms';
import { dateOnly } from '../db/time';
import { getFramework } from '../framework';
import { auditAnalysis } from './audit-analysis';
import { quarterOf, type Grain } from './audit-scope';
import { practitionerCoverage, teamCoverage } from './coverage';
import { cpdFigures } from './cpd';
import { loadCpdRule, registrationYear, type CpdRule } from './cpd-rule';
import type { Table, View } from './figures';
import { filterParams, parseFilters } from './filters';
import { learningFigures } from './learning';
import { qaCoverage, qaPageAsked } from './qa-coverage';
import { earlyCareerProgress } from './progress';
import { quarterlyReport, reportQuarters } from './report';

/** How many rows tables hold: what the kept audit analysis is bounded by. */
const rowsIn = (tables: Table[]) => tables.reduce((sum, t) => sum + t.rows.length, 0);

let rule: CpdRule | undefined;
export const cpdRule = () => (rule ??= loadCpdRule(bundledContent));

export const workforceViews = {
	coverage: 'Outcome coverage',
	progress: 'Early-career progress',
	audits: 'Audit analysis',
	learning: 'Learning',
	cpd: 'CPD',
	report: 'Quarterly quality-assurance report',
	'qa-coverage': 'QA coverage'
} as const;
export type WorkforceView = keyof typeof workforceViews;

/** A view's name, from an address: one of its own entries (`toString` is in every object). */
export const isWorkforceView = (name: string): name is WorkforceView =>
	isKeyOf(workforceViews, name);

/**
 * One workforce view's figures from the query string (filters, and `grain`, `quarter` or `page`
 * where the view takes them). The pages, the CSV downloads and `GET /api/v1/workforce/<view>` all
 * come from here. With `listPage`, coverage counts one page of its teams and QA coverage shows
 * one page of its practitioners (the page's own work, however large the authority); QA coverage
 * is paged by `?page=` too; otherwise every table has every row. With `table`, the view may
 * leave out its other tables (the audit analysis does: each of its tables is a query of its own).
 */
export async function workforceView(
	db: Db,
	name: WorkforceView,
	params: URLSearchParams,
	today = dateOnly(),
	{ listPage, table }: { listPage?: Paging; table?: string } = {}
): Promise<View> {
	const framework = getFramework()!;
	// Audit analysis looks back a year unless asked for more: trends, and quick at any size.
	const filters = parseFilters(params, name === 'audits' ? '12m' : 'all');
	const applied = filterParams(filters);
	const view = (tables: View['tables'], extra: Record<string, string> = {}): View => ({
		view: name,
		title: workforceViews[name],
		filters: { ...applied, ...extra },
		tables
	});
	switch (name) {
		case 'coverage': {
			const teams = await teamCoverage(db, framework, filters, today, listPage);
			if (!filters.teamId) return view([teams]);
			const team = { ...filters, teamId: filters.teamId };
			return view([teams, await practitionerCoverage(db, framework, team, today)]);
		}
		case 'progress':
			return view([await earlyCareerProgress(db, framework, filters, today)]);
		case 'audits': {
			const grain: Grain = params.get('grain') === 'month' ? 'month' : 'quarter';
			const definition = auditDefinition();
			const key = JSON.stringify([applied, grain, today, table]);
			const make = () => auditAnalysis(db, definition, framework, filters, grain, today, table);
			const tables = await keptFigures(db, 'audits', key, make, rowsIn);
			return view(tables, { grain });
		}
		case 'learning':
			return view(await learningFigures(db, framework, filters, today));
		case 'cpd': {
			const { year, tables } = await cpdFigures(db, cpdRule(), filters, today);
			return view(tables, { registrationYear: `${year.start}/${year.end}` });
		}
		case 'report': {
			const asked = params.get('quarter') ?? '';
			const quarter = reportQuarters(today).includes(asked) ? asked : quarterOf(today);
			const tables = await quarterlyReport(
				db,
				auditDefinition(),
				framework,
				filters,
				quarter,
				today
			);
			return view(tables, { quarter });
		}
		case 'qa-coverage': {
			const qa = await qaCoverage(db, filters, today, listPage ?? qaPageAsked(params));
			return { ...view([qa.summary, qa.people], { since: qa.since }), paging: qa.paging };
		}
	}
}

export { registrationYear, reportQuarters };
