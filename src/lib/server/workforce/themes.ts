import type { Db } from '../db';
import type { AuditDefinition } from '../audit/definition';
import { outcomesOf, type Framework } from '../framework';
import { bucket, quarterDates, quarterOf, scoped } from './audit-scope';
import type { WorkforceFilters } from './filters';
import { byNumber } from '$lib/order';

export interface Theme {
	kind: string;
	ref: string;
	thisQuarter: number;
	lastQuarter: number;
}

/** Tags of development findings in two quarters, most frequent in the later one first. */
export async function recurringThemes(
	db: Db,
	filters: WorkforceFilters,
	earlier: string,
	later: string
) {
	const from = quarterDates(earlier).start;
	const to = quarterDates(later).end;
	const rows = await (filters.stage || filters.programme
		? countedTags(db, filters, from, to)
		: keptTags(db, filters, from, to));
	const themes = new Map<string, Theme>();
	for (const row of rows) {
		const key = `${row.kind}|${row.ref}`;
		const theme = themes.get(key) ?? {
			kind: row.kind,
			ref: row.ref,
			thisQuarter: 0,
			lastQuarter: 0
		};
		if (row.quarter === later) theme.thisQuarter += Number(row.n);
		else if (row.quarter === earlier) theme.lastQuarter += Number(row.n);
		themes.set(key, theme);
	}
	return [...themes.values()].sort(
		(a, b) =>
			b.thisQuarter - a.thisQuarter || b.lastQuarter - a.lastQuarter || byNumber(a.ref, b.ref)
	);
}

/** The tags counted from the audits themselves (a career stage or programme is not kept). */
function countedTags(db: Db, filters: WorkforceFilters, from: string, to: string) {
	return db
		.selectFrom('audit_finding_tags')
		.innerJoin('audit_findings', 'audit_findings.id', 'audit_finding_tags.finding_id')
		.innerJoin('audits', 'audits.id', 'audit_findings.audit_id')
		.select([
			'audit_finding_tags.kind',
			'audit_finding_tags.ref',
			bucket('quarter').as('quarter'),
			(eb) => eb.fn.countAll<number>().as('n')
		])
		.where(scoped({ ...filters, period: 'all' }, from))
		.where('audits.audited_on', '<=', to)
		.where('audit_findings.kind', '=', 'development')
		.groupBy(['audit_finding_tags.kind', 'audit_finding_tags.ref', bucket('quarter')])
		.execute();
}

/** The tags as kept by month and team (`audit_theme_months`), by quarter: quarters are whole months. */
async function keptTags(db: Db, filters: WorkforceFilters, from: string, to: string) {
	const rows = await db
		.selectFrom('audit_theme_months')
		.select(['kind', 'ref', 'month', (eb) => eb.fn.sum<number>('n').as('n')])
		.where('month', '>=', from.slice(0, 7))
		.where('month', '<=', to.slice(0, 7))
		.$if(Boolean(filters.teamId), (q) => q.where('team_key', '=', filters.teamId!))
		.groupBy(['kind', 'ref', 'month'])
		.execute();
	return rows.map((r) => ({
		kind: r.kind,
		ref: r.ref,
		quarter: quarterOf(`${r.month}-01`),
		n: r.n
	}));
}

/** How a theme reads in a table: an outcome by its id, a standard as "Standard 3", and its title. */
export function themeNames(framework: Framework, definition: AuditDefinition) {
	const outcomeTitle = new Map(outcomesOf(framework).map((o) => [o.id, o.title]));
	const standardTitle = new Map(definition.standardSet.items.map((i) => [i.ref, i.title]));
	return (t: Theme) => ({
		ref: t.kind === 'outcome' ? t.ref : `Standard ${t.ref.split('-').at(-1)}`,
		title: (t.kind === 'outcome' ? outcomeTitle.get(t.ref) : standardTitle.get(t.ref)) ?? t.ref
	});
}
