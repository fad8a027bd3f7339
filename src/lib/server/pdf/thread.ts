import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PdfDocument } from './document.js';

// Rendering a large PDF off the main thread, so that other requests are answered meanwhile: a
// worker per document, and no more at once than the processors leave room for beside the main
// thread; the rest wait their turn.

/** Where a document is: waiting (behind `ahead` others), being laid out, or being written. */
export type RenderStage =
	| { stage: 'waiting'; ahead: number }
	| { stage: 'laying-out' }
	| { stage: 'writing'; done: number };

const limit = Math.max(1, availableParallelism() - 1);
let running = 0;
const queue: { start: () => void; onStage: (stage: RenderStage) => void }[] = [];

/** Waits until fewer than `limit` documents are being rendered, saying how many are ahead. */
function turn(onStage: (stage: RenderStage) => void) {
	if (running < limit) {
		running++;
		return Promise.resolve();
	}
	return new Promise<void>((start) => {
		queue.push({ start, onStage });
		onStage({ stage: 'waiting', ahead: queue.length });
	});
}

/** Hands a finished document's place to the next in the queue. */
function release() {
	const next = queue.shift();
	if (!next) {
		running--;
		return;
	}
	queue.forEach((waiting, index) => waiting.onStage({ stage: 'waiting', ahead: index + 1 }));
	next.start();
}

/** Renders a document in a worker thread; `onStage` hears where it is. */
export async function renderPdfOffThread(
	document: PdfDocument,
	onStage: (stage: RenderStage) => void = () => {}
): Promise<Buffer> {
	await turn(onStage);
	try {
		onStage({ stage: 'laying-out' });
		return await render(document, onStage);
	} finally {
		release();
	}
}

async function render(document: PdfDocument, onStage: (stage: RenderStage) => void) {
	// Imported for its address: Vite gives the source file's, the build its own chunk's.
	const { marker, workerUrl } = await import('./worker.js');
	return new Promise<Buffer>((resolve, reject) => {
		// A document that would take more memory than this fails alone, not the server with it.
		const worker = new Worker(new URL(workerUrl), {
			workerData: { marker, document },
			resourceLimits: { maxOldGenerationSizeMb: 1024 }
		});
		worker.on('message', (message: { writing: number } | { bytes: Uint8Array }) => {
			if ('writing' in message) onStage({ stage: 'writing', done: message.writing });
			else
				resolve(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.length));
		});
		worker.on('error', reject);
		worker.on('exit', (code) => reject(new Error(`The PDF worker stopped (exit code ${code}).`)));
	});
}
