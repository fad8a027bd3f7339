// The one way a PDF is made (a CPD year, a portfolio, a panel pack): one typeface, one page size
// and margins, a footer with the page number, and no reading of files or URLs that a document
// definition might name (its text comes from people's records). Plain JavaScript, so that the
// worker thread that renders large documents (`worker.js`) loads it as it is, without a build.
import pdfmake from 'pdfmake';
import { winAnsi, winAnsiContent } from './win-ansi.js';

// The standard PDF fonts: nothing to ship or load, and enough for UK English (WinAnsi).
const helvetica = {
	normal: 'Helvetica',
	bold: 'Helvetica-Bold',
	italics: 'Helvetica-Oblique',
	bolditalics: 'Helvetica-BoldOblique'
};
pdfmake.setFonts({ Helvetica: helvetica });
/** @type {string[]} */
const fontNames = Object.values(helvetica);
pdfmake.setUrlAccessPolicy(() => false);
// pdfmake asks this of font names too: the standard ones are built in, not read from disk.
pdfmake.setLocalAccessPolicy((path) => fontNames.includes(path));
const ignore = () => {};

/**
 * Styles every document shares.
 * @satisfies {import('pdfmake/interfaces').TDocumentDefinitions['styles']}
 */
const styles = {
	title: { fontSize: 24, bold: true, margin: [0, 0, 0, 12] },
	heading: { fontSize: 16, bold: true, margin: [0, 16, 0, 6] },
	subheading: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
	hint: { color: '#505a5f' },
	small: { fontSize: 9, color: '#505a5f' }
};

/**
 * @typedef {object} PdfDocument
 * @property {string} title The document's title, shown in a reader's title bar.
 * @property {import('pdfmake/interfaces').Content} content
 * @property {string} [footer] The footer's words beside the page number, e.g. whose portfolio this is.
 */

/**
 * Renders a document to PDF bytes. `onProgress` hears how much of the writing is done, from 0
 * to 1, once the pages are laid out (pdfmake says nothing while it lays them out).
 * @param {PdfDocument} document
 * @param {(done: number) => void} [onProgress]
 * @returns {Promise<Buffer>}
 */
export async function renderPdf({ title, content, footer }, onProgress) {
	/** @type {import('pdfmake/interfaces').TDocumentDefinitions} */
	const definition = {
		info: { title, creator: 'Golden Thread', producer: 'Golden Thread' },
		pageSize: 'A4',
		pageMargins: [50, 50, 50, 60],
		defaultStyle: { font: 'Helvetica', fontSize: 11, lineHeight: 1.25 },
		styles,
		content: winAnsiContent(content),
		footer: (page, pages) => ({
			columns: [
				{ text: winAnsi(footer ?? title), style: 'small' },
				{ text: `Page ${page} of ${pages}`, style: 'small', alignment: 'right' }
			],
			margin: [50, 20, 50, 0]
		})
	};
	// The callback is the library's one setting for all documents, read as a document is begun:
	// set for this one only.
	pdfmake.setProgressCallback(onProgress ?? ignore);
	const pdf = pdfmake.createPdf(definition);
	pdfmake.setProgressCallback(ignore);
	return pdf.getBuffer();
}
