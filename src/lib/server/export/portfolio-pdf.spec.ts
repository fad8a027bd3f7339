import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db';
import { newEnrolment, newUser, testDatabases } from '../db/testing';
import { newId } from '../db/ids';
import { createEvidence } from '../portfolio/evidence';
import { addComment } from '../review/review';
import { signOffOutcome } from '../signoff/signoffs';
import { newSupervisee, type Supervisee } from '../signoff/testing';
import { answerPdfRequest } from './pdf-download';
import { getJob } from './pdf-jobs';
import { portfolioContents } from './portfolio-contents';
import { portfolioPdf } from './portfolio-pdf';

// The portfolio PDF made from real records on each database: what the owner's has and the
// panel's pack leaves out, one programme period, and the download made in the background.

async function pdfText(bytes: Buffer) {
	const pdf = await getDocumentProxy(new Uint8Array(bytes));
	return (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
}

describe.each(testDatabases())('the portfolio as a PDF on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	let priya: Supervisee;
	let enrolment: string;
	beforeAll(async () => {
		({ db, close } = await database.open());
		const supervisor = await newUser(db, { name: 'Sam Supervisor', roles: ['supervisor'] });
		priya = await newSupervisee(db, supervisor, 'Priya Shah', `${newId()}@test.example`);
		await signOffOutcome(db, supervisor, priya.id, {
			frameworkVersion: 'pqs-2025',
			outcomeId: '2.3',
			rationale: 'The life-story work shows it.',
			evidenceIds: [priya.evidenceId]
		});
		await addComment(db, supervisor, priya.evidenceId, 'Thoughtful work with the child.');
		await db
			.insertInto('attachments')
			.values({
				id: newId(),
				evidence_id: priya.evidenceId,
				file_hash: 'a'.repeat(64),
				name: 'life-story-book.pdf',
				mime: 'application/pdf',
				size: 2_500_000,
				created_at: '2026-10-02T10:00:00.000Z',
				created_by: priya.id,
				removed_at: null
			})
			.execute();
		await createEvidence(db, priya.id, {
			title: 'A draft about court',
			activityDate: '2026-05-01',
			type: 'reading',
			account: 'Reading on care proceedings.',
			reflectionModel: 'free',
			reflection: { text: '' },
			cpdType: null,
			cpdRelevance: '',
			cpdLearning: '',
			cpdImpact: '',
			peerReflected: null,
			peerReflection: '',
			cpdMinutes: null
		});
		enrolment = await newEnrolment(db, priya.id, '2026-09-01');
	});
	afterAll(() => close());

	it('has every record, its mapping, comments and files, and the sign-off with who and when', async () => {
		const text = await pdfText(await portfolioPdf(db, priya.id));
		for (const words of [
			'Portfolio Priya Shah',
			'2 records, 1 accepted',
			'Life-story work',
			'A draft about court',
			'Status Draft',
			'2.3 D9 undertakes high-quality verbal and written life-story work',
			'Thoughtful work with the child.',
			'life-story-book.pdf (2.4 MB)',
			'2.3 Builds and maintains impactful relationships with children',
			'Signed off by Sam Supervisor',
			'The life-story work shows it.',
			'Evidence: Life-story work',
			'Assessed and Supported Year in Employment',
			'Open Government Licence v3.0'
		])
			expect(text, words).toContain(words);
	});

	it('leaves drafts out of the panel’s pack', async () => {
		const text = await pdfText(await portfolioPdf(db, priya.id, { kind: 'pack' }));
		expect(text).toContain('Moderation panel pack Priya Shah');
		expect(text).toContain('1 accepted record');
		expect(text).toContain('Life-story work');
		expect(text).not.toContain('A draft about court');
	});

	it('covers one programme period when asked, and nothing for a period not theirs', async () => {
		const contents = await portfolioContents(db, priya.id, { period: enrolment });
		expect(contents?.period).toMatchObject({ from: '2026-09-01' });
		expect(contents?.records.map((r) => r.title)).toEqual(['Life-story work']);
		const covered = (c: typeof contents) =>
			c?.coverage.flatMap((d) => d.outcomes).find((o) => o.id === '2.3')?.records;
		expect(covered(contents)).toBe(1);
		// A later programme of hers: the record is before it, so nothing counts.
		const later = await newEnrolment(db, priya.id, '2027-06-01', 'early-career');
		const laterContents = await portfolioContents(db, priya.id, { period: later });
		expect(laterContents?.records).toEqual([]);
		expect(covered(laterContents)).toBe(0);
		expect(laterContents?.signoffs).toEqual([]);
		const other = await newEnrolment(db, await newUser(db), '2026-09-01');
		expect(await portfolioContents(db, priya.id, { period: other })).toBeUndefined();
		await expect(portfolioPdf(db, priya.id, { period: other })).rejects.toThrow();
	});

	it('makes a larger one in the background for the person who asked, once, and logs it', async () => {
		vi.stubEnv('PDF_BACKGROUND_RECORDS', '2');
		try {
			const request = {
				viewerId: priya.id,
				ownerId: priya.id,
				kind: 'portfolio' as const,
				href: '/portfolio/export.pdf',
				back: '/portfolio'
			};
			const started = await answerPdfRequest(db, request);
			if (!started || !('job' in started)) throw new Error('Expected a job in the background');
			const { job } = started;
			expect(job).toMatchObject({ title: 'your portfolio', records: 2 });
			expect(await getJob(db, priya.supervisorId, job.id)).toBeUndefined();
			// Asked again while it is being made: the same job, from the database.
			const again = await answerPdfRequest(db, request);
			expect(again && 'job' in again && again.job.id).toBe(job.id);
			await vi.waitFor(
				async () => expect((await getJob(db, priya.id, job.id))?.stage.stage).toBe('done'),
				{ timeout: 120_000 }
			);
			const made = await answerPdfRequest(db, request);
			if (!made || !('pdf' in made)) throw new Error('Expected the PDF made');
			expect(made.filename).toMatch(/^portfolio-priya-shah-\d{4}-\d{2}-\d{2}\.pdf$/);
			expect(await pdfText(made.pdf)).toContain('A draft about court');
			expect(await getJob(db, priya.id, job.id)).toBeUndefined();
			const logged = await db
				.selectFrom('events')
				.select(['actor_id', 'detail'])
				.where('action', '=', 'portfolio.exported')
				.where('subject_id', '=', priya.id)
				.execute();
			expect(logged).toEqual([
				{
					actor_id: priya.id,
					detail: JSON.stringify({ format: 'pdf', kind: 'portfolio', period: null })
				}
			]);
		} finally {
			vi.unstubAllEnvs();
		}
	});
});
