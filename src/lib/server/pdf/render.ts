import type { Content } from 'pdfmake/interfaces';

// Every PDF the service makes goes through `renderPdf` (in `document.js`, plain JavaScript so
// that a worker thread can load it too); `renderPdfOffThread` (`thread.ts`) renders one in a
// worker, for documents large enough to hold up other requests.
export { renderPdf, type PdfDocument } from './document.js';

/** The Open Government Licence attribution, for any document that quotes framework text. */
export function licenceAttribution(): Content {
	return {
		text: 'Contains public sector information licensed under the Open Government Licence v3.0.',
		style: 'small',
		margin: [0, 16, 0, 0]
	};
}
