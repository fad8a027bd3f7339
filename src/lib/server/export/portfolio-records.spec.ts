import { describe, expect, it } from 'vitest';
import { recordsForPdf, signoffsForPdf } from './portfolio-records';
import type { PortfolioRecord, PortfolioSignoff } from './portfolio-schema';

// The portfolio as data, as a PDF sets it out: which records a filter keeps, mappings named in
// their framework version, and sign-offs citing records by title, here or where they were made.

const history: PortfolioRecord['history'] = {
	status: 'accepted',
	submittedAt: null,
	review: null,
	comments: [],
	observation: null
};
const record = (id: string, activityDate: string, more: Partial<PortfolioRecord> = {}) =>
	({
		id,
		title: `Record ${id}`,
		activityDate,
		type: 'case-work',
		account: '',
		reflectionModel: 'free',
		reflection: {},
		cpd: {
			type: null,
			relevance: '',
			learning: '',
			impact: '',
			peerReflected: true,
			peerReflection: '',
			minutes: null
		},
		createdAt: `${activityDate}T09:00:00.000Z`,
		updatedAt: `${activityDate}T09:00:00.000Z`,
		mapping: {
			frameworkVersion: 'pqs-2025',
			outcomes: ['2.3'],
			statements: [{ outcomeId: '2.3', statementId: '2.3 D9' }]
		},
		standards: [],
		files: [],
		history,
		importedFrom: null,
		...more
	}) as PortfolioRecord;

const records = [
	record('a', '2026-01-10'),
	record('b', '2026-03-01', { history: { ...history, status: 'draft' } }),
	record('c', '2025-06-01', {
		importedFrom: {
			...history,
			originalId: 'elsewhere-1',
			origin: 'https://golden-thread.other.gov.uk',
			exportedAt: '2026-01-01T09:00:00.000Z',
			importedAt: '2026-01-02T09:00:00.000Z'
		}
	})
];

describe('recordsForPdf', () => {
	it('keeps the statuses and dates asked for, and names the mapping', () => {
		const kept = recordsForPdf(records, {
			statuses: ['accepted'],
			range: { from: '2026-01-01', to: '2026-12-31' }
		});
		expect(kept.map((r) => r.id)).toEqual(['a']);
		expect(kept[0].peer_reflected).toBe(1);
		expect(kept[0].mapping?.outcomes[0]).toMatchObject({
			id: '2.3',
			title: 'Builds and maintains impactful relationships with children',
			statements: [{ id: '2.3 D9', text: expect.stringContaining('life-story work') }]
		});
		expect(recordsForPdf(records).map((r) => r.id)).toEqual(['a', 'b', 'c']);
		expect(recordsForPdf(records)[2].importedFrom).toEqual({
			origin: 'https://golden-thread.other.gov.uk',
			at: '2026-01-02T09:00:00.000Z'
		});
	});
});

describe('signoffsForPdf', () => {
	const entry = (more: Partial<PortfolioSignoff>) =>
		({
			frameworkVersion: 'pqs-2025',
			outcomeId: '2.3',
			action: 'sign-off',
			rationale: 'Shown.',
			by: 'Sam Assessor',
			at: '2026-02-01T10:00:00.000Z',
			origin: null,
			...more
		}) as PortfolioSignoff;

	it('names the outcome, and cites records here by id and those made elsewhere by their id there', () => {
		const entries = signoffsForPdf(
			[
				entry({ evidenceIds: ['a', 'gone'] }),
				entry({
					evidenceIds: ['elsewhere-1'],
					origin: 'https://golden-thread.other.gov.uk',
					at: '2025-07-01T10:00:00.000Z'
				})
			],
			records
		);
		expect(entries[0]).toMatchObject({
			outcome: '2.3 Builds and maintains impactful relationships with children',
			actorName: 'Sam Assessor',
			evidence: ['Record a', 'A record not in this PDF']
		});
		expect(entries[1]).toMatchObject({
			actorName: 'Sam Assessor (at https://golden-thread.other.gov.uk)',
			evidence: ['Record c']
		});
	});

	it('keeps the entries made in the range', () => {
		const entries = signoffsForPdf([entry({ evidenceIds: [] })], records, {
			from: '2026-02-02',
			to: '2026-12-31'
		});
		expect(entries).toEqual([]);
	});
});
