import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileKind } from './file-type';

// Reading an attached file's text, to check it for details that identify someone: PDFs and
// Word documents in a worker thread (`file-text-worker.js`), bounded in time, memory, pages and
// characters, so that a broken or hostile file is reported as unread and never stops an upload
// or the server. Plain text is read here. Images have no text to read.

export const fileTextLimits = {
	/** A file that takes longer than this to read is not checked. */
	milliseconds: 15_000,
	/** Memory a worker may use before it is stopped. */
	megabytes: 256,
	maxPages: 300,
	maxCharacters: 500_000
};

/** A file's text by page (one page for a Word document or a text file), or why there is none. */
export type FileText =
	| { status: 'text'; unit: 'page' | 'document' | 'file'; pages: string[]; total: number }
	| { status: 'no-text' }
	| { status: 'unreadable'; reason: string }
	| { status: 'unsupported' };

const formats: Record<string, 'pdf' | 'docx'> = {
	'application/pdf': 'pdf',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx'
};

const limit = Math.max(1, availableParallelism() - 1);
let running = 0;
const waiting: (() => void)[] = [];

/** Waits for a worker's place: no more at once than the processors leave room for. */
async function turn<T>(work: () => Promise<T>): Promise<T> {
	if (running >= limit) await new Promise<void>((start) => waiting.push(start));
	else running++;
	try {
		return await work();
	} finally {
		const next = waiting.shift();
		if (next) next();
		else running--;
	}
}

/** Reads a PDF or Word document in a worker, ended if it takes too long or too much memory. */
async function readInWorker(bytes: Uint8Array, format: 'pdf' | 'docx', timeout: number) {
	// Imported for its address: Vite gives the source file's, the build its own chunk's.
	const { marker, workerUrl } = await import('./file-text-worker.js');
	const { maxPages, maxCharacters, megabytes } = fileTextLimits;
	return new Promise<{ pages: string[]; total: number }>((resolve, reject) => {
		const worker = new Worker(new URL(workerUrl), {
			workerData: { marker, bytes, format, maxPages, maxCharacters },
			resourceLimits: { maxOldGenerationSizeMb: megabytes, maxYoungGenerationSizeMb: 32 }
		});
		const timer = setTimeout(() => {
			reject(new Error(`it took longer than ${timeout / 1000} seconds to read`));
			void worker.terminate();
		}, timeout);
		const settle = () => clearTimeout(timer);
		worker.on(
			'message',
			(message: { read: { pages: string[]; total: number } } | { failed: string }) => {
				settle();
				if ('read' in message) resolve(message.read);
				else reject(new Error(message.failed));
				void worker.terminate();
			}
		);
		worker.on('error', (error) => {
			settle();
			reject(error);
		});
		worker.on('exit', (code) => {
			settle();
			reject(new Error(`the reader stopped (exit code ${code})`));
		});
	});
}

const hasText = (pages: string[]) => pages.some((page) => page.trim() !== '');
const utf8 = new TextDecoder('utf-8');

/** The text of a file of the kind `file-type.ts` found it to be. Never throws. */
export async function readFileText(
	bytes: Uint8Array,
	kind: FileKind,
	timeout = fileTextLimits.milliseconds
): Promise<FileText> {
	if (kind.mime.startsWith('image/')) return { status: 'no-text' };
	if (kind.mime === 'text/plain') {
		const text = utf8
			.decode(bytes)
			.replace(/^\uFEFF/, '')
			.slice(0, fileTextLimits.maxCharacters);
		return hasText([text])
			? { status: 'text', unit: 'file', pages: [text], total: 1 }
			: { status: 'no-text' };
	}
	const format = formats[kind.mime];
	if (!format) return { status: 'unsupported' };
	try {
		const { pages, total } = await turn(() => readInWorker(bytes, format, timeout));
		if (!hasText(pages)) return { status: 'no-text' };
		return { status: 'text', unit: format === 'pdf' ? 'page' : 'document', pages, total };
	} catch (error) {
		return { status: 'unreadable', reason: (error as Error).message };
	}
}
