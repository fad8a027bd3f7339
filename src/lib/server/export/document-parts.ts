import type { Content, TableCell } from 'pdfmake/interfaces';

// The pieces every section of a portfolio PDF is built from, in the service's own words and
// order: headings that make the contents list, paragraphs of people's text, GOV.UK-like summary
// lists and tables.

/** A section's heading, listed in the contents. */
export const heading = (text: string, pageBreak = false): Content => ({
	text,
	style: 'heading',
	tocItem: true,
	...(pageBreak && { pageBreak: 'before' })
});

export const subheading = (text: string): Content => ({ text, style: 'subheading' });

/** A label in bold above the text it introduces. */
export const label = (text: string): Content => ({ text, bold: true, margin: [0, 4, 0, 2] });

/** People's own text as they wrote it, line breaks kept; a dash when there is none. */
export const paragraph = (text: string | null | undefined, empty = '—'): Content => ({
	text: text?.trim() || empty,
	margin: [0, 0, 0, 6]
});

export const hint = (text: string): Content => ({ text, style: 'hint', margin: [0, 0, 0, 6] });

/** Keys and values, as a GOV.UK summary list reads: a dash for an empty value. */
export function summaryList(rows: [string, string | null | undefined][]): Content {
	return {
		table: {
			widths: [150, '*'],
			body: rows.map(([key, value]) => [{ text: key, bold: true }, value?.trim() || '—'])
		},
		layout: 'lightHorizontalLines',
		margin: [0, 2, 0, 8]
	};
}

/** A table with a header row repeated on every page it runs onto. */
export function table(headers: string[], rows: TableCell[][], widths: (number | string)[]) {
	return {
		table: {
			headerRows: 1,
			widths,
			body: [headers.map((text) => ({ text, bold: true })), ...rows]
		},
		layout: 'lightHorizontalLines',
		fontSize: 10,
		margin: [0, 2, 0, 8]
	} satisfies Content;
}

/** Content kept together on one page: a heading with what starts under it. */
export const together = (...stack: Content[]): Content => ({ stack, unbreakable: true });
