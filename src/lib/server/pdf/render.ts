import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

// Every PDF the service makes (a CPD year, a portfolio, a panel pack) goes through here: one
// typeface, one page size and margins, a footer with the page number, and no reading of files
// or URLs that a document definition might name (its text comes from people's records).

// The standard PDF fonts: nothing to ship or load, and enough for UK English (WinAnsi).
const helvetica = {
	normal: 'Helvetica',
	bold: 'Helvetica-Bold',
	italics: 'Helvetica-Oblique',
	bolditalics: 'Helvetica-BoldOblique'
};
pdfmake.setFonts({ Helvetica: helvetica });
const fontNames: string[] = Object.values(helvetica);
pdfmake.setUrlAccessPolicy(() => false);
// pdfmake asks this of font names too: the standard ones are built in, not read from disk.
pdfmake.setLocalAccessPolicy((path) => fontNames.includes(path));

/** Styles every document shares; `styles` in a definition adds to them. */
const styles = {
	title: { fontSize: 24, bold: true, margin: [0, 0, 0, 12] },
	heading: { fontSize: 16, bold: true, margin: [0, 16, 0, 6] },
	subheading: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
	hint: { color: '#505a5f' },
	small: { fontSize: 9, color: '#505a5f' }
} satisfies TDocumentDefinitions['styles'];

export interface PdfDocument {
	/** The document's title, shown in a reader's title bar. */
	title: string;
	content: Content;
	/** The footer's words beside the page number, e.g. whose portfolio this is. */
	footer?: string;
}

/** Renders a document to PDF bytes. */
export async function renderPdf({ title, content, footer }: PdfDocument): Promise<Buffer> {
	const definition: TDocumentDefinitions = {
		info: { title, creator: 'Golden Thread', producer: 'Golden Thread' },
		pageSize: 'A4',
		pageMargins: [50, 50, 50, 60],
		defaultStyle: { font: 'Helvetica', fontSize: 11, lineHeight: 1.25 },
		styles,
		content,
		footer: (page, pages) => ({
			columns: [
				{ text: footer ?? title, style: 'small' },
				{ text: `Page ${page} of ${pages}`, style: 'small', alignment: 'right' }
			],
			margin: [50, 20, 50, 0]
		})
	};
	return pdfmake.createPdf(definition).getBuffer();
}

/** The Open Government Licence attribution, for any document that quotes framework text. */
export function licenceAttribution(): Content {
	return {
		text: 'Contains public sector information licensed under the Open Government Licence v3.0.',
		style: 'small',
		margin: [0, 16, 0, 0]
	};
}
