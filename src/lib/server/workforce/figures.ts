import type { PageInfo } from '$lib/paging';

// The figures of the workforce views, as tables: one shape serves the page, the CSV download and
// the JSON API, so the three always agree.

export type Cell = string | number | null;

export interface Column {
	key: string;
	label: string;
	/** Numbers align right and are summed or compared; text aligns left. */
	numeric?: boolean;
	/**
	 * How a page shows the value to a person: a `date` (`2026-11-23`) as "23 November 2026", a
	 * `period` (`2025-12`, `2026-Q1`) as "December 2025", "January to March 2026". The CSV and
	 * JSON keep the ISO form, which spreadsheets and programs read.
	 */
	format?: 'date' | 'period';
}

export interface Table {
	id: string;
	title: string;
	columns: Column[];
	rows: Record<string, Cell>[];
	/** Set when the rows are one page of the whole, counted in SQL for that page alone. */
	paging?: PageInfo;
}

export interface View {
	view: string;
	title: string;
	/** The filters applied, as the query string had them. */
	filters: Record<string, string>;
	tables: Table[];
	/** When one table is shown a page at a time (`?page=`): which, and where in it. */
	paging?: ViewPaging;
}

export interface ViewPaging {
	table: string;
	page: number;
	pages: number;
	perPage: number;
	rows: number;
}

/** A share as a whole percentage, or null when there is nothing to divide by. */
export const percent = (part: number, whole: number) =>
	whole > 0 ? Math.round((100 * part) / whole) : null;

const csvCell = (value: Cell) => {
	if (value === null) return '';
	const text = String(value);
	// Quote anything with a comma, quote or line break; and neutralise spreadsheet formulas.
	const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
	return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * RFC 4180 CSV with a header row of the column labels, after a byte order mark: without it
 * Excel reads the UTF-8 as Windows-1252 and mangles ’, — and accented names.
 */
export function toCsv(table: Table): string {
	const lines = [
		table.columns.map((c) => csvCell(c.label)).join(','),
		...table.rows.map((row) => table.columns.map((c) => csvCell(row[c.key] ?? null)).join(','))
	];
	return `\ufeff${lines.join('\r\n')}\r\n`;
}

export function tableOf(view: View, id: string) {
	return view.tables.find((t) => t.id === id);
}

const slug = (text: string) =>
	text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

/**
 * A CSV download's file name: the view, the table where it says more than the view, the filters
 * that narrow it (the team by name), and the day, e.g. `progress-2026-11-29.csv`,
 * `audits-areas-by-month-last-12-months-2026-11-29.csv`.
 */
export function csvFileName(view: View, tableId: string, today: string, teamName?: string) {
	const f = view.filters;
	const parts = [
		view.view,
		tableId === view.view ? '' : tableId,
		f.team ? (teamName ?? 'team') : '',
		f.stage ?? '',
		f.programme ?? '',
		f.grain && !tableId.includes('by-') ? `by ${f.grain}` : '',
		f.period && f.period !== 'all' ? `last ${f.period.replace('m', ' months')}` : '',
		f.quarter ?? ''
	];
	return `${[...parts.filter(Boolean).map(slug), today].join('-')}.csv`;
}

/**
 * Rows in order of `rank`, lowest first, then by name as people read it, then by `id` where
 * given (otherwise as they came). Names are compared with `localeCompare`, which V8 answers
 * without ICU for names in plain letters: sorting 40,000 names took about 22 ms so, against about
 * 55 through an `Intl.Collator`, whose order is the same.
 */
export function rankedByName<T extends { name: string }>(
	rows: readonly T[],
	rank: (row: T) => number,
	id?: (row: T) => string
): T[] {
	return [...rows].sort(
		(a, b) =>
			rank(a) - rank(b) ||
			a.name.localeCompare(b.name, 'en-GB') ||
			(id ? (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0) : 0)
	);
}

/**
 * Rows' counts (`n`, a number or PostgreSQL's text) added up by a key: counted and kept rows of
 * the same figure made one.
 */
export function countsBy<T extends { n: number | string }>(
	rows: readonly T[],
	key: (row: T) => string
): Map<string, number> {
	const sums = new Map<string, number>();
	for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + Number(row.n));
	// Counts taken away to nothing (`negated`) are no count, as counted from the rows.
	for (const [k, n] of sums) if (n === 0) sums.delete(k);
	return sums;
}

/** Rows whose counts are to be taken away from others' (`countsBy`). */
export const negated = <T extends { n: number | string }>(rows: readonly T[]) =>
	rows.map((row) => ({ ...row, n: -Number(row.n) }));
