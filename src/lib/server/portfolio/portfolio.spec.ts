import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../content/check';
import type { Db } from '../db';
import { FieldError } from '../errors';
import { newUser, testDatabases } from '../db/testing';
import { coverageFor, coverageTable, summariseCoverage } from './coverage';
import {
	createEvidence,
	getEvidence,
	setMapping,
	submissionProblems,
	submitEvidence,
	updateEvidence,
	type EvidenceInput
} from './evidence';
import { listEvidence } from './list';
import { latestRatings, ratingFormValues, recordSelfAssessment } from './self-assessment';

const pqs = checkContent().frameworks.find((f) => f.version.id === 'pqs-2025')!;

const input = (overrides: Partial<EvidenceInput> = {}): EvidenceInput => ({
	title: 'Direct work with a child',
	activityDate: '2026-11-02',
	type: 'observation',
	account: 'I used the three houses with the child (A).',
	reflectionModel: 'driscoll',
	reflection: {
		what: 'A visit.',
		soWhat: 'It helped.',
		nowWhat: 'Do it again.',
		ignored: 'not a Driscoll prompt'
	},
	cpdType: 'practice-learning',
	cpdRelevance: '',
	cpdLearning: '',
	cpdImpact: '',
	peerReflected: false,
	peerReflection: 'dropped because there was no peer reflection',
	cpdMinutes: 90,
	...overrides
});

describe.each(testDatabases())('the portfolio on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	it('saves a draft with only its model’s prompts, and refuses a stale save', async () => {
		const owner = await newUser(db);
		const id = await createEvidence(db, owner, input());
		const saved = await getEvidence(db, id);
		expect(saved).toMatchObject({
			status: 'draft',
			version: 1,
			cpd_minutes: 90,
			peer_reflection: ''
		});
		expect(saved?.reflection).toEqual({
			what: 'A visit.',
			soWhat: 'It helped.',
			nowWhat: 'Do it again.'
		});

		await updateEvidence(db, owner, id, 1, input({ title: 'First tab' }));
		const stale = updateEvidence(db, owner, id, 1, input({ title: 'Second tab' }));
		await expect(stale).rejects.toThrow(FieldError);
		await expect(stale).rejects.toThrow('changed in another tab');
		await expect(stale).rejects.toMatchObject({ field: 'editor', status: 409 });
		expect((await getEvidence(db, id))?.title).toBe('First tab');
	});

	it('needs an account, a reflection and an outcome to submit; submitted records are locked', async () => {
		const owner = await newUser(db);
		const id = await createEvidence(db, owner, input({ account: ' ', reflection: {} }));
		const record = (await getEvidence(db, id))!;
		expect(Object.keys(submissionProblems(record, record.outcomes.length)).sort()).toEqual([
			'account',
			'mapping',
			'reflection'
		]);

		await setMapping(db, owner, id, 1, {
			frameworkVersion: 'pqs-2025',
			outcomes: ['2.3'],
			statements: [{ outcomeId: '2.3', statementId: '2.3 D1' }]
		});
		const mapped = (await getEvidence(db, id))!;
		expect(mapped).toMatchObject({
			outcomes: ['2.3'],
			statements: [{ outcomeId: '2.3', statementId: '2.3 D1' }],
			frameworkVersion: 'pqs-2025',
			version: 2
		});
		await submitEvidence(db, owner, id, 2, true);
		const submitted = (await getEvidence(db, id))!;
		expect(submitted.status).toBe('submitted');
		expect(submitted.anonymity_confirmed_at).not.toBeNull();
		await expect(updateEvidence(db, owner, id, 3, input())).rejects.toMatchObject({
			field: 'editor',
			status: 409,
			message: 'This record has been submitted and can no longer be changed.'
		});
		const events = await db
			.selectFrom('events')
			.select('action')
			.where('subject_id', '=', id)
			.orderBy('at')
			.execute();
		expect(events.map((e) => e.action)).toEqual([
			'evidence.created',
			'evidence.mapped',
			'evidence.submitted'
		]);
	});

	it('counts submitted and accepted records, not drafts, in coverage, with gaps and the latest rating', async () => {
		const owner = await newUser(db);
		const draft = await createEvidence(db, owner, input());
		await setMapping(db, owner, draft, 1, {
			frameworkVersion: 'pqs-2025',
			outcomes: ['2.3'],
			statements: [{ outcomeId: '2.3', statementId: '2.3 D9' }]
		});
		const shown = await createEvidence(db, owner, input());
		await setMapping(db, owner, shown, 1, {
			frameworkVersion: 'pqs-2025',
			outcomes: ['2.3'],
			statements: [
				{ outcomeId: '2.3', statementId: '2.3 K1' },
				{ outcomeId: '2.3', statementId: '2.3 D1' }
			]
		});
		await submitEvidence(db, owner, shown, 2, false);
		await recordSelfAssessment(
			db,
			owner,
			'pqs-2025',
			[{ outcomeId: '2.3', rating: 'not-yet', note: '' }],
			new Date('2026-01-01T10:00:00Z')
		);
		await recordSelfAssessment(
			db,
			owner,
			'pqs-2025',
			[{ outcomeId: '2.3', rating: 'developing', note: 'Better' }],
			new Date('2026-06-01T10:00:00Z')
		);

		const outcome = (await coverageFor(db, owner, pqs))
			.flatMap((d) => d.outcomes)
			.find((o) => o.id === '2.3')!;
		expect(outcome).toMatchObject({
			records: 1,
			accepted: 0,
			knows: { evidenced: 1, total: 8 },
			does: { evidenced: 1, total: 10 },
			rating: { rating: 'developing', note: 'Better' }
		});
		expect(outcome.gaps.map((g) => g.id)).toContain('2.3 D9');
		expect(outcome.gaps).toHaveLength(16);
		// The practitioner's page counts the statements not shown and leaves the note out; the
		// table others see carries only what it shows.
		const domains = await coverageFor(db, owner, pqs);
		const summary = summariseCoverage(domains)
			.flatMap((d) => d.outcomes)
			.find((o) => o.id === '2.3')!;
		expect(summary).toMatchObject({ gapCount: 16, rating: { rating: 'developing' } });
		expect(summary.rating).not.toHaveProperty('note');
		expect(summary).not.toHaveProperty('gaps');
		const row = coverageTable(domains)
			.flatMap((d) => d.outcomes)
			.find((o) => o.id === '2.3')!;
		expect(row).toEqual({
			id: '2.3',
			title: outcome.title,
			records: 1,
			accepted: 0,
			does: { evidenced: 1, total: 10 },
			signedOff: false
		});
		const other = (await coverageFor(db, await newUser(db), pqs))
			.flatMap((d) => d.outcomes)
			.find((o) => o.id === '2.3')!;
		expect(other).toMatchObject({ records: 0, rating: null });
	});

	it('fills a new self-assessment in from the latest rating of each outcome', async () => {
		const owner = await newUser(db);
		const rate = (
			outcomeId: string,
			rating: 'not-yet' | 'developing' | 'confident',
			note = ''
		) => ({
			outcomeId,
			rating,
			note
		});
		await recordSelfAssessment(
			db,
			owner,
			'pqs-2025',
			[rate('1.1', 'confident', 'Since the visit.'), rate('2.3', 'not-yet')],
			new Date('2026-01-01T10:00:00Z')
		);
		await recordSelfAssessment(
			db,
			owner,
			'pqs-2025',
			[rate('2.3', 'developing', 'Better')],
			new Date('2026-06-01T10:00:00Z')
		);
		await recordSelfAssessment(db, owner, 'other-version', [rate('2.3', 'confident')]);
		expect(ratingFormValues(await latestRatings(db, owner, 'pqs-2025'))).toEqual({
			'rating-1.1': 'confident',
			'note-1.1': 'Since the visit.',
			'rating-2.3': 'developing',
			'note-2.3': 'Better'
		});
		expect(ratingFormValues(await latestRatings(db, await newUser(db), 'pqs-2025'))).toEqual({});
	});

	it('lists only the owner’s records, by type, outcome, status, date and words', async () => {
		const owner = await newUser(db);
		const a = await createEvidence(
			db,
			owner,
			input({ title: 'Genogram with the family', type: 'case-work', activityDate: '2026-10-01' })
		);
		await setMapping(db, owner, a, 1, {
			frameworkVersion: 'pqs-2025',
			outcomes: ['3.2'],
			statements: []
		});
		await createEvidence(
			db,
			owner,
			input({
				title: 'Training on exploitation',
				type: 'learning-activity',
				activityDate: '2026-11-01',
				account: 'Contextual safeguarding 100% useful'
			})
		);
		await createEvidence(db, await newUser(db), input({ title: 'Someone else’s genogram' }));
		const titles = async (filters: Parameters<typeof listEvidence>[2]) =>
			(await listEvidence(db, owner, filters)).map((r) => r.title);
		expect(await titles({})).toEqual(['Training on exploitation', 'Genogram with the family']);
		expect(await titles({ q: 'GENOGRAM' })).toEqual(['Genogram with the family']);
		expect(await titles({ q: 'contextual 100%' })).toEqual(['Training on exploitation']);
		expect(await titles({ q: '_' })).toEqual([]);
		expect(await titles({ outcome: '3.2' })).toEqual(['Genogram with the family']);
		expect(await titles({ type: 'learning-activity' })).toEqual(['Training on exploitation']);
		expect(await titles({ from: '2026-10-15' })).toEqual(['Training on exploitation']);
		expect(await titles({ to: '2026-10-15', status: 'draft' })).toEqual([
			'Genogram with the family'
		]);
		expect((await listEvidence(db, owner, { outcome: '3.2' }))[0].outcomes).toEqual(['3.2']);
	});
});
