import { CsvError, parse } from 'csv-parse/sync';
import { columnNamed, requiredColumns, type ImportColumn } from './columns';

// Reading the staff file: UTF-8 text (a byte order mark, as Excel writes, is left out), commas
// between cells, any line endings. Rows are numbered as a spreadsheet numbers them, the header
// being row 1, so that a problem "on row 12" is found on row 12 of the file opened in Excel.

/** A problem with the file, by row and column where it has them. */
export interface ImportProblem {
	row: number | null;
	column: ImportColumn | null;
	message: string;
}

/** A row of the file, by column; a column the file leaves out is missing, not blank. */
export interface ImportRow {
	row: number;
	cells: Partial<Record<ImportColumn, string>>;
}

/** More rows than any authority's children's services has staff: a file this long is a mistake. */
export const maxRows = 10_000;

/** The file as text, or a problem when it is not UTF-8 (Excel's "CSV" without "UTF-8" is not). */
export function decodeCsv(bytes: Uint8Array): { text: string } | { problem: ImportProblem } {
	try {
		return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
	} catch {
		return {
			problem: {
				row: null,
				column: null,
				message:
					'The file is not UTF-8 text: in Excel, save it as “CSV UTF-8 (Comma delimited)” and upload it again'
			}
		};
	}
}

/** The file's records with their row numbers, as far as it can be read, and why not further. */
function records(text: string) {
	const read: { row: number; cells: string[] }[] = [];
	try {
		parse(text, {
			bom: true,
			relax_column_count: true,
			relax_quotes: true,
			skip_empty_lines: false,
			trim: true,
			record_delimiter: ['\r\n', '\n', '\r'],
			on_record: (cells: string[], { records }) => {
				read.push({ row: records, cells });
				return null;
			}
		});
		return { read };
	} catch (e) {
		if (!(e instanceof CsvError)) throw e;
		const row = ((e as unknown as { records?: number }).records ?? read.length) + 1;
		const problem: ImportProblem = {
			row,
			column: null,
			message: `Row ${row} could not be read: a quotation mark is not closed, or is followed by more text. Nothing after it was checked`
		};
		return { read, problem };
	}
}

/** The columns the header names, by position, or the problems with it. */
function readHeader(cells: string[]) {
	const columns: (ImportColumn | null)[] = [];
	const problems: ImportProblem[] = [];
	for (const heading of cells) {
		const column = heading ? columnNamed(heading) : undefined;
		if (heading && !column)
			problems.push({
				row: 1,
				column: null,
				message: `The column “${heading}” is not one the import knows: use the template’s headings`
			});
		else if (column && columns.includes(column))
			problems.push({ row: 1, column, message: `The column ${column} is in the header twice` });
		columns.push(column ?? null);
	}
	for (const column of requiredColumns)
		if (!columns.includes(column))
			problems.push({ row: 1, column, message: `The header has no ${column} column` });
	return { columns, problems };
}

/**
 * The file's rows by column, and its problems: how it cannot be read, its header, and cells
 * beyond the header's columns. Rows with every cell blank (as spreadsheets leave) are left out.
 */
export function readImportCsv(text: string): { rows: ImportRow[]; problems: ImportProblem[] } {
	const { read, problem } = records(text);
	const [header, ...body] = read;
	if (!header || header.cells.every((cell) => !cell))
		return {
			rows: [],
			problems: [problem ?? { row: 1, column: null, message: 'The file is empty' }]
		};
	const { columns, problems } = readHeader(header.cells);
	const rows: ImportRow[] = [];
	for (const { row, cells } of body) {
		if (cells.every((cell) => !cell)) continue;
		if (rows.length === maxRows) {
			problems.push({
				row,
				column: null,
				message: `The file has more than ${maxRows.toLocaleString('en-GB')} rows: split it into smaller files`
			});
			break;
		}
		const byColumn: ImportRow['cells'] = {};
		cells.forEach((cell, index) => {
			const column = columns[index];
			if (column) byColumn[column] = cell;
		});
		if (cells.slice(columns.length).some((cell) => cell))
			problems.push({ row, column: null, message: 'The row has more cells than the header' });
		rows.push({ row, cells: byColumn });
	}
	if (problem) problems.push(problem);
	return { rows, problems };
}
