import { describe, expect, it } from 'vitest';
import { templateCsv } from './columns';
import { decodeCsv, readImportCsv } from './csv';

const header = 'email,given_name,family_name,team';

describe('reading a staff file', () => {
	it('reads the template’s header, a BOM, quoted cells and any line endings', () => {
		const text = `\ufeff${header}\r\nsam@council.gov.uk,Sam,"Okoro, Jr",North\nali@council.gov.uk, Ali ,Khan,\r`;
		expect(readImportCsv(text)).toEqual({
			rows: [
				{
					row: 2,
					cells: {
						email: 'sam@council.gov.uk',
						given_name: 'Sam',
						family_name: 'Okoro, Jr',
						team: 'North'
					}
				},
				{
					row: 3,
					cells: { email: 'ali@council.gov.uk', given_name: 'Ali', family_name: 'Khan', team: '' }
				}
			],
			problems: []
		});
		expect(readImportCsv(templateCsv)).toEqual({ rows: [], problems: [] });
	});

	it('accepts headings as people write them, in any order', () => {
		const { rows, problems } = readImportCsv(
			'Surname,First name,Email address,Line manager’s email,SWE registration number\nOkoro,Sam,sam@x.gov.uk,lee@x.gov.uk,SW1\n'
		);
		expect(problems).toEqual([]);
		expect(rows[0].cells).toEqual({
			family_name: 'Okoro',
			given_name: 'Sam',
			email: 'sam@x.gov.uk',
			line_manager_email: 'lee@x.gov.uk',
			swe_registration: 'SW1'
		});
	});

	it('numbers rows as a spreadsheet does, past blank rows and cells on two lines', () => {
		const text = `${header}\n\n,,,\na@x.gov.uk,"Two\nlines",B,\nc@x.gov.uk,C,D,\n`;
		expect(readImportCsv(text).rows.map((r) => r.row)).toEqual([4, 5]);
	});

	it('names a header’s unknown, repeated and missing columns', () => {
		expect(readImportCsv('email,email,nickname\n').problems).toEqual([
			{ row: 1, column: 'email', message: 'The column email is in the header twice' },
			{
				row: 1,
				column: null,
				message: 'The column “nickname” is not one the import knows: use the template’s headings'
			},
			{ row: 1, column: 'given_name', message: 'The header has no given_name column' },
			{ row: 1, column: 'family_name', message: 'The header has no family_name column' }
		]);
		expect(readImportCsv('').problems).toEqual([
			{ row: 1, column: null, message: 'The file is empty' }
		]);
	});

	it('reads as far as a broken quotation mark, and says so', () => {
		const { rows, problems } = readImportCsv(`${header}\na@x.gov.uk,A,B,\nb@x.gov.uk,"B"x,C,\n`);
		expect(rows.map((r) => r.row)).toEqual([2]);
		expect(problems).toEqual([
			{ row: 3, column: null, message: expect.stringContaining('Row 3 could not be read') }
		]);
	});

	it('refuses a file that is not UTF-8, and extra cells beyond the header', () => {
		expect(decodeCsv(new Uint8Array([0x65, 0x6d, 0xe9]))).toEqual({
			problem: expect.objectContaining({ message: expect.stringContaining('CSV UTF-8') })
		});
		expect(readImportCsv(`${header}\na@x.gov.uk,A,B,C,extra\n`).problems).toEqual([
			{ row: 2, column: null, message: 'The row has more cells than the header' }
		]);
	});
});
