// A worker thread that reads the text of one attached file and ends: a PDF's page by page (with
// unpdf), a Word document's whole (with mammoth; Word has no pages until it is laid out). A
// crafted or broken file can make a parser loop or swell, so it runs apart from the server, which
// ends it when it takes too long or too much memory (`file-text.ts`). Plain JavaScript, imported
// by `file-text.ts` for its address, as `pdf/worker.js` is.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

/** Marks the worker data of a worker started on this module, and nothing else's. */
export const marker = 'golden-thread:file-text';

/** This module's own address, to start a worker on. */
export const workerUrl = import.meta.url;

/**
 * A PDF's text, page by page, until `maxPages` pages or `maxCharacters` characters are read.
 * @param {Uint8Array} bytes
 * @param {{ maxPages: number, maxCharacters: number }} limits
 */
async function pdfPages(bytes, { maxPages, maxCharacters }) {
	const { getDocumentProxy } = await import('unpdf');
	const pdf = await getDocumentProxy(bytes);
	/** @type {string[]} */
	const pages = [];
	let characters = 0;
	for (let n = 1; n <= Math.min(pdf.numPages, maxPages) && characters < maxCharacters; n++) {
		const page = await pdf.getPage(n);
		const content = await page.getTextContent();
		const text = content.items
			.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
			.join('');
		pages.push(text);
		characters += text.length;
		page.cleanup();
	}
	const total = pdf.numPages;
	await pdf.destroy();
	return { pages, total };
}

/**
 * A Word document's text, as one page.
 * @param {Uint8Array} bytes
 */
async function wordText(bytes) {
	const { default: mammoth } = await import('mammoth');
	const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
	return { pages: [value], total: 1 };
}

/**
 * @param {import('node:worker_threads').MessagePort} port
 * @param {{ bytes: Uint8Array, format: 'pdf' | 'docx', maxPages: number, maxCharacters: number }} task
 */
async function run(port, { bytes, format, ...limits }) {
	try {
		const read = format === 'pdf' ? await pdfPages(bytes, limits) : await wordText(bytes);
		port.postMessage({ read });
	} catch (error) {
		port.postMessage({ failed: String(/** @type {Error} */ (error)?.message ?? error) });
	}
}

if (!isMainThread && parentPort && workerData?.marker === marker) run(parentPort, workerData);
