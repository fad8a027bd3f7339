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
}

export interface View {
	view: string;
	title: string;
	/** The filters applied, as the query string had them. */
	filters: Record<string, string>;
	tables: Table[];
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

/** RFC 4180 CSV with a header row of the column labels. */
export function toCsv(table: Table): string {
	const lines = [
		table.columns.map((c) => csvCell(c.label)).join(','),
		...table.rows.map((row) => table.columns.map((c) => csvCell(row[c.key] ?? null)).join(','))
	];
	return `${lines.join('\r\n')}\r\n`;
}

export function tableOf(view: View, id: string) {
	return view.tables.find((t) => t.id === id);
}
