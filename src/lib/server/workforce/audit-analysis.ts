import type { Db } from '../db';
import { dateOnly } from '../db/time';
import type { AuditDefinition } from '../audit/definition';
import type { Framework } from '../framework';
import { awaitingResponse, overdueActions } from './audit-follow-up';
import { areaGrades, moderationChanges, overallGrades, teamGrades } from './audit-grades';
import { previousQuarter, quarterOf, scoped, type Grain } from './audit-scope';
import type { Table } from './figures';
import { periodStart, type WorkforceFilters } from './filters';
import { recurringThemes, themeNames } from './themes';

/**
 * The audit analysis: overall grades by month and by quarter, each practice area's and each
 * team's grades by month or quarter, open Inadequate responses, overdue actions, moderation
 * changes, and the outcomes and standards most often tagged in development findings this quarter
 * against last. Every figure is a SQL aggregate. With `only`, just the table with that id (none
 * when there is no such table): a table's page of its own asks for no other.
 */
export async function auditAnalysis(
	db: Db,
	definition: AuditDefinition,
	framework: Framework,
	filters: WorkforceFilters,
	grain: Grain,
	today = dateOnly(),
	only?: string
): Promise<Table[]> {
	const since = periodStart(filters.period, today);
	const where = scoped(filters, since);
	const figures: [id: string, figure: () => Promise<Table>][] = [
		['overall-by-month', () => overallGrades(db, { filters, since }, 'month')],
		['overall-by-quarter', () => overallGrades(db, { filters, since }, 'quarter')],
		['areas', () => areaGrades(db, { filters, since }, grain, definition)],
		['teams', () => teamGrades(db, { filters, since }, grain)],
		['awaiting-response', () => awaitingResponse(db, where, today)],
		['overdue-actions', () => overdueActions(db, { filters, since }, today)],
		['moderation', () => moderationChanges(db, { filters, since }, definition)],
		['themes', () => themesThisQuarter(db, definition, framework, filters, today)]
	];
	// At once: on PostgreSQL each asks a connection of its own.
	return Promise.all(figures.filter(([id]) => !only || id === only).map(([, figure]) => figure()));
}

/** The outcomes and standards tagged in development findings this quarter against last. */
async function themesThisQuarter(
	db: Db,
	definition: AuditDefinition,
	framework: Framework,
	filters: WorkforceFilters,
	today: string
): Promise<Table> {
	const thisQuarter = quarterOf(today);
	const lastQuarter = previousQuarter(thisQuarter);
	const themes = await recurringThemes(db, filters, lastQuarter, thisQuarter);
	const name = themeNames(framework, definition);
	return {
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
			...name(t),
			thisQuarter: t.thisQuarter,
			lastQuarter: t.lastQuarter,
			change: t.thisQuarter - t.lastQuarter
		}))
	};
}
