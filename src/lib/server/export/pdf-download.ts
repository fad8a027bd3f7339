import type { Db } from '../db';
import type { Framework } from '../framework';
import { recordEvent } from '../db/events';
import { dateOnly } from '../db/time';
import { renderPdfOffThread } from '../pdf/thread';
import { winAnsi } from '../pdf/win-ansi.js';
import { forgetJob, jobFor, startJob, type PdfJob } from './pdf-jobs';
import { portfolioContents } from './portfolio-contents';
import { portfolioDocument } from './portfolio-document';

// Answering a request for a portfolio or pack as a PDF: a small one is made while the request
// waits (in a worker thread all the same); one of PDF_BACKGROUND_RECORDS records or more is made
// in the background, and the request is answered with its job, whose page shows its progress
// and, once it is made, the link back here that downloads it. Every one is in the event log.

export interface PdfRequest {
	viewerId: string;
	ownerId: string;
	kind: 'portfolio' | 'pack';
	/** One of the owner's enrolments, for that programme period only. */
	period?: string;
	/** The framework version to read coverage in; the one in use unless told. */
	framework?: Framework;
	/** The address asked for, where the PDF is downloaded from once made in the background. */
	href: string;
	/** The page it is asked for from, for the progress page's back link. */
	back: string;
}

/** The PDF; or the job making it; or undefined when there is no such person or period. */
export type PdfAnswer = { pdf: Buffer; filename: string } | { job: PdfJob } | undefined;

/** How many records make a PDF slow enough (over a second or so) to make in the background. */
export const backgroundFrom = () => Math.max(1, Number(process.env.PDF_BACKGROUND_RECORDS) || 30);

export async function answerPdfRequest(
	db: Db,
	request: PdfRequest,
	now = new Date()
): Promise<PdfAnswer> {
	const version = request.framework?.version.id ?? '';
	const key = [request.kind, request.ownerId, request.period ?? '', version].join(' ');
	const earlier = await jobFor(db, request.viewerId, key);
	if (earlier?.bytes) {
		await forgetJob(db, earlier);
		return { pdf: earlier.bytes, filename: earlier.filename };
	}
	if (earlier && earlier.stage.stage !== 'failed') return { job: earlier };
	if (earlier) await forgetJob(db, earlier);

	const { kind, period, framework } = request;
	const contents = await portfolioContents(db, request.ownerId, { kind, period, framework, now });
	if (!contents) return undefined;
	await recordEvent(
		db,
		{
			actorId: request.viewerId,
			action: 'portfolio.exported',
			subjectType: 'user',
			subjectId: request.ownerId,
			detail: { format: 'pdf', kind: request.kind, period: request.period ?? null }
		},
		now
	);
	const document = portfolioDocument(contents);
	const name = contents.person.name;
	const what = request.kind === 'pack' ? 'moderation panel pack' : 'portfolio';
	const filename = `${what}-${name}-${dateOnly(now)}`;
	const details = {
		viewerId: request.viewerId,
		key,
		title: `${request.viewerId === request.ownerId ? 'your' : `${name}’s`} ${what}`,
		href: request.href,
		back: request.back,
		filename: `${slug(filename)}.pdf`,
		records: contents.records.length
	};
	if (details.records < backgroundFrom())
		return { pdf: await renderPdfOffThread(document), filename: details.filename };
	return { job: await startJob(db, details, (onStage) => renderPdfOffThread(document, onStage)) };
}

/** Words as a file name: "portfolio-zoe-lukasz-2026-11-23". */
const slug = (text: string) =>
	winAnsi(text)
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
