import { randomUUID } from 'node:crypto';
import type { Db } from '../db';
import type { PdfJobsTable } from '../db/schema';
import { timestamp } from '../db/time';
import type { RenderStage } from '../pdf/thread';

// PDFs made in the background, for the person who asked: a large portfolio takes seconds to
// lay out, so its request is answered at once with a page that shows how far it has got, and
// the PDF waits until they download it (once) or ten minutes pass. The server that makes it
// writes where it has got to the database (`pdf_jobs`), so any server can show it and hand the
// PDF over: several servers, or several processes of one, share them.

export type JobStage = RenderStage | { stage: 'done'; size: number } | { stage: 'failed' };

export interface PdfJob {
	id: string;
	/** Who asked: nobody else sees it. */
	viewerId: string;
	/** Which document: the same one asked for again finds this job. */
	key: string;
	/** What is being made, in words: "your portfolio", "Priya Shah’s moderation panel pack". */
	title: string;
	/** Where it is downloaded from once made: the address that was asked for. */
	href: string;
	/** The page it was asked for from, to go back to. */
	back: string;
	filename: string;
	records: number;
	startedAt: Date;
	finishedAt: Date | null;
	stage: JobStage;
	bytes: Buffer | null;
}

/** How long a finished PDF waits to be downloaded, and an unfinished one that stopped moving. */
export const keptFor = 10 * 60_000;

/** When a job last heard of before is forgotten: finished, or its server stopped making it. */
const staleBefore = (now = new Date()) => timestamp(new Date(now.getTime() - keptFor));

/**
 * Deletes the jobs forgotten (a job's row is last written when it finishes), when a new one
 * starts; reading a job only leaves them out.
 */
async function sweep(db: Db) {
	await db.deleteFrom('pdf_jobs').where('updated_at', '<', staleBefore()).execute();
}

/** A job's row as the job; its bytes when they were read (only to hand the PDF over). */
const asJob = (row: Omit<PdfJobsTable, 'bytes'> & { bytes?: Buffer | null }): PdfJob => ({
	id: row.id,
	viewerId: row.viewer_id,
	key: row.document,
	title: row.title,
	href: row.href,
	back: row.back,
	filename: row.filename,
	records: row.records,
	startedAt: new Date(row.started_at),
	finishedAt: row.finished_at ? new Date(row.finished_at) : null,
	stage: JSON.parse(row.stage) as JobStage,
	bytes: row.bytes ?? null
});

/** Every column but the PDF's bytes, which only handing it over reads. */
const described = [
	'id',
	'viewer_id',
	'document',
	'title',
	'href',
	'back',
	'filename',
	'records',
	'stage',
	'started_at',
	'updated_at',
	'finished_at'
] as const;

/**
 * Starts making a PDF in the background; its stages and result are written to its row as they
 * come, the latest stage only when they come faster than the database takes them.
 */
export async function startJob(
	db: Db,
	details: Omit<PdfJob, 'id' | 'startedAt' | 'finishedAt' | 'stage' | 'bytes'>,
	make: (onStage: (stage: RenderStage) => void) => Promise<Buffer>
): Promise<PdfJob> {
	await sweep(db);
	const { key, viewerId, ...rest } = details;
	const job: PdfJob = {
		...details,
		id: randomUUID(),
		startedAt: new Date(),
		finishedAt: null,
		stage: { stage: 'waiting', ahead: 0 },
		bytes: null
	};
	const started = timestamp(job.startedAt);
	await db
		.insertInto('pdf_jobs')
		.values({
			...rest,
			id: job.id,
			viewer_id: viewerId,
			document: key,
			stage: JSON.stringify(job.stage),
			started_at: started,
			updated_at: started,
			finished_at: null,
			bytes: null
		})
		.execute();
	const { onStage, finish } = jobWriter(db, job.id);
	make(onStage)
		.then(
			(bytes) => finish({ bytes, stage: JSON.stringify({ stage: 'done', size: bytes.length }) }),
			(error) => {
				console.error(`The PDF ${key} could not be made:`, error);
				return finish({ stage: JSON.stringify({ stage: 'failed' }) });
			}
		)
		.catch((error) => console.error(`The PDF ${key} could not be kept:`, error));
	return job;
}

/**
 * Writes a job's stages to its row one at a time, in order: a stage that comes while one waits
 * replaces it. `finish` writes the last, after any before it.
 */
function jobWriter(db: Db, id: string) {
	const write = (change: Partial<PdfJobsTable>) =>
		db
			.updateTable('pdf_jobs')
			.set({ ...change, updated_at: timestamp() })
			.where('id', '=', id)
			.execute()
			.then(() => {});
	let writes = Promise.resolve();
	let latest: RenderStage | undefined;
	const onStage = (stage: RenderStage) => {
		const queued = latest !== undefined;
		latest = stage;
		if (queued) return;
		writes = writes.then(() => {
			const stage = JSON.stringify(latest);
			latest = undefined;
			return write({ stage });
		});
	};
	const finish = (change: Partial<PdfJobsTable>) =>
		(writes = writes.then(() => write({ ...change, finished_at: timestamp() })));
	return { onStage, finish };
}

/**
 * The person's job by its id, for its progress page: without the PDF's bytes. Undefined for
 * anyone else's, or one forgotten.
 */
export async function getJob(db: Db, viewerId: string, id: string) {
	const row = await db
		.selectFrom('pdf_jobs')
		.select(described)
		.where('id', '=', id)
		.where('viewer_id', '=', viewerId)
		.where('updated_at', '>=', staleBefore())
		.executeTakeFirst();
	return row && asJob(row);
}

/** The person's job for this document, if one is under way or waiting to be downloaded. */
export async function jobFor(db: Db, viewerId: string, key: string) {
	const row = await db
		.selectFrom('pdf_jobs')
		.selectAll()
		.where('viewer_id', '=', viewerId)
		.where('document', '=', key)
		.where('updated_at', '>=', staleBefore())
		.orderBy('started_at', 'desc')
		.executeTakeFirst();
	return row && asJob(row);
}

/** Forgets a job: once its PDF is downloaded, or when it failed and is asked for again. */
export async function forgetJob(db: Db, job: PdfJob) {
	await db.deleteFrom('pdf_jobs').where('id', '=', job.id).execute();
}
