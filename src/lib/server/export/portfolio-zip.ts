import { Readable } from 'node:stream';
import yazl from 'yazl';
import type { Db } from '../db';
import { recordEvent } from '../db/events';
import { dateOnly } from '../db/time';
import { getFramework, outcomesOf } from '../framework';
import { filesDir } from '../portfolio/attachments';
import { hasStoredFile, openStoredFile } from '../portfolio/file-store';
import { portfolioHtml, type OutcomeTitles } from './index-html';
import { readPortfolio } from './portfolio-data';
import type { PortfolioFile } from './portfolio-schema';

// The portfolio as data, for its owner to take elsewhere or for a subject access request: a ZIP
// of `portfolio.json`, `portfolio.pdf`, `index.html` and every file under `files/`. The files
// stream from the store as the ZIP is sent, so a large portfolio is never held in memory.

// Kinds whose bytes are compressed already: stored as they are, which is as small and quicker.
const compressedKinds = new Set([
	'application/pdf',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	'image/jpeg',
	'image/png',
	'image/gif',
	'image/webp'
]);

/** The ZIP of a portfolio, as a stream; the files are read from the store `dir` as it goes. */
export function portfolioZip(
	data: PortfolioFile,
	pdf: Buffer,
	dir: string,
	titles?: OutcomeTitles
): Readable {
	const zip = new yazl.ZipFile();
	const mtime = new Date(data.exportedAt);
	zip.addBuffer(Buffer.from(`${JSON.stringify(data, null, '\t')}\n`), 'portfolio.json', { mtime });
	zip.addBuffer(Buffer.from(portfolioHtml(data, titles)), 'index.html', { mtime });
	zip.addBuffer(pdf, 'portfolio.pdf', { mtime, compress: false });
	for (const file of data.records.flatMap((r) => r.files))
		// Opened only when the ZIP comes to it: one file at a time, from a folder or a bucket.
		zip.addReadStreamLazy(
			file.path,
			{ mtime: new Date(file.addedAt), compress: !compressedKinds.has(file.mime), size: file.size },
			(done) =>
				openStoredFile(dir, file.sha256).then(
					(stream) => done(null, stream),
					(error) => done(error, undefined as never)
				)
		);
	zip.end();
	const output = zip.outputStream as Readable;
	// A file that cannot be read ends the download with an error, never a ZIP missing a file.
	zip.on('error', (error: Error) => output.destroy(error));
	return output;
}

const outcomeTitles: OutcomeTitles = (version, id) => {
	const framework = getFramework(version);
	return framework && outcomesOf(framework).find((o) => o.id === id)?.title;
};

export interface PortfolioExport {
	fileName: string;
	stream: Readable;
}

/**
 * A person's portfolio as a ZIP, recorded in the event log as exported by `actorId` (themself, or
 * an administrator answering a subject access request). `pdf` makes `portfolio.pdf`.
 */
export async function exportPortfolio(
	db: Db,
	input: { actorId: string; ownerId: string; origin: string; pdf: () => Promise<Buffer> },
	now = new Date()
): Promise<PortfolioExport> {
	const data = await readPortfolio(db, input.ownerId, input.origin, now);
	const files = data.records.flatMap((r) => r.files);
	for (const file of files)
		if (!(await hasStoredFile(filesDir(), file.sha256, file.size)))
			throw new Error(`The stored bytes of “${file.name}” (${file.sha256}) are missing.`);
	const pdf = await input.pdf();
	await recordEvent(
		db,
		{
			actorId: input.actorId,
			action: 'portfolio.exported',
			subjectType: 'user',
			subjectId: input.ownerId,
			detail: { records: data.records.length, files: files.length }
		},
		now
	);
	const slug = data.person.name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	return {
		fileName: `portfolio-${slug || 'export'}-${dateOnly(now)}.zip`,
		stream: portfolioZip(data, pdf, filesDir(), outcomeTitles)
	};
}
