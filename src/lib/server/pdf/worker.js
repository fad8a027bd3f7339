// A worker thread that renders one PDF and ends: pdfmake lays out and writes a document in one
// long synchronous stretch (seconds for a 300-record portfolio), which on the main thread would
// hold up every other request. `thread.ts` imports this module for its address and starts a
// worker on it; Vite (in development and tests) and the build (a chunk of its own) each give the
// address of a file that Node can load as it is, so this and what it imports are plain
// JavaScript.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { renderPdf } from './document.js';

/** Marks the worker data of a worker started on this module, and nothing else's. */
export const marker = 'golden-thread:pdf';

/** This module's own address, to start a worker on. */
export const workerUrl = import.meta.url;

/**
 * Renders the document in `workerData` and posts its bytes, with how much of the writing is
 * done along the way.
 * @param {import('node:worker_threads').MessagePort} port
 * @param {import('./document.js').PdfDocument} document
 */
async function run(port, document) {
	let reported = -1;
	const bytes = await renderPdf(document, (done) => {
		// A message per hundredth is plenty: the writing alone draws tens of thousands of items.
		const percent = Math.floor(done * 100);
		if (percent === reported) return;
		reported = percent;
		port.postMessage({ writing: done });
	});
	port.postMessage({ bytes });
}

// Imported on the main thread (or in another worker, such as a test runner's) this does nothing.
if (!isMainThread && parentPort && workerData?.marker === marker)
	await run(parentPort, workerData.document);
