import pdfmake from 'pdfmake';
import { zipOf } from '../export/zip-buffers';
import { renderPdf } from '../pdf/render';

// Files for tests (unit and browser) of the anonymity check inside attachments, made on the
// spot rather than kept as binary fixtures: PDFs with pdfmake, as the service makes its own,
// and the smallest Word document Word opens.

/** A name, a date of birth and a postcode. */
export const identifyingSentence = 'I met Jane Smith, DOB 04/05/2015, at home in GL1 2AB.';

/** A two-page PDF, the identifying sentence on page 2 only. */
export const twoPagePdf = async () =>
	new Uint8Array(
		await renderPdf({
			title: 'Visit report',
			content: [
				{ text: 'A report of a home visit, written for supervision.' },
				{ text: identifyingSentence, pageBreak: 'before' }
			]
		})
	);

/** A grey pixel, as a PNG. */
export const pixelPng = Uint8Array.from(
	Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
		'base64'
	)
);

/** A PDF with one page holding a picture and no text at all, as a scanner makes. */
export async function imageOnlyPdf() {
	const image = `data:image/png;base64,${Buffer.from(pixelPng).toString('base64')}`;
	const pdf = pdfmake.createPdf({ content: [{ image, width: 400 }] });
	return new Uint8Array(await pdf.getBuffer());
}

const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** The smallest Word document: its content types, its one relationship and its body. */
export const wordDocument = async (paragraphs: string[]) =>
	new Uint8Array(
		await zipOf([
			[
				'[Content_Types].xml',
				`${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
			],
			[
				'_rels/.rels',
				`${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
			],
			[
				'word/document.xml',
				`${xml}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs
					.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`)
					.join('')}</w:body></w:document>`
			]
		])
	);
