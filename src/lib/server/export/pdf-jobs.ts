import { randomUUID } from 'node:crypto';
import type { RenderStage } from '../pdf/thread';

// PDFs made in the background, for the person who asked: a large portfolio takes seconds to
// lay out, so its request is answered at once with a page that shows how far it has got, and
// the PDF waits here until they download it (once) or ten minutes pass. Held in this process's
// memory: a restart forgets them, and the person asks again.

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

/** How long a finished PDF waits to be downloaded. */
export const keptFor = 10 * 60_000;
const jobs = new Map<string, PdfJob>();

/** Forgets jobs finished more than `keptFor` ago. */
function sweep(now = Date.now()) {
	for (const [id, job] of jobs)
		if (job.finishedAt && now - job.finishedAt.getTime() > keptFor) jobs.delete(id);
}

/** Starts making a PDF in the background; its stages and result are kept on the job. */
export function startJob(
	details: Omit<PdfJob, 'id' | 'startedAt' | 'finishedAt' | 'stage' | 'bytes'>,
	make: (onStage: (stage: RenderStage) => void) => Promise<Buffer>
): PdfJob {
	sweep();
	const job: PdfJob = {
		...details,
		id: randomUUID(),
		startedAt: new Date(),
		finishedAt: null,
		stage: { stage: 'waiting', ahead: 0 },
		bytes: null
	};
	jobs.set(job.id, job);
	make((stage) => (job.stage = stage)).then(
		(bytes) => {
			job.bytes = bytes;
			job.stage = { stage: 'done', size: bytes.length };
			job.finishedAt = new Date();
		},
		(error) => {
			console.error(`The PDF ${job.key} could not be made:`, error);
			job.stage = { stage: 'failed' };
			job.finishedAt = new Date();
		}
	);
	return job;
}

/** The person's job by its id; undefined for anyone else's, or one forgotten. */
export function getJob(viewerId: string, id: string) {
	sweep();
	const job = jobs.get(id);
	return job?.viewerId === viewerId ? job : undefined;
}

/** The person's job for this document, if one is under way or waiting to be downloaded. */
export function jobFor(viewerId: string, key: string) {
	sweep();
	return [...jobs.values()].find((job) => job.viewerId === viewerId && job.key === key);
}

/** Forgets a job: once its PDF is downloaded, or when it failed and is asked for again. */
export function forgetJob(job: PdfJob) {
	jobs.delete(job.id);
}
