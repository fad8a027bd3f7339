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
	const where = scoped(filters, periodStart(filters.period, today));
	return [
		await overallGrades(db, where, 'month'),
		await overallGrades(db, where, 'quarter'),
		await areaGrades(db, where, grain, definition),
		await teamGrades(db, where, grain),
		await awaitingResponse(db, where, today),
		await overdueActions(db, where, today),
		await moderationChanges(db, where, definition),
		await themesThisQuarter(db, definition, framework, filters, today)
	];
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
