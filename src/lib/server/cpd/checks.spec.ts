import { describe, expect, it } from 'vitest';
import { cpdChecklist, thinParts } from './checks';
import { readYearName } from './year';
import { testCpdRule } from './testing';

const rule = testCpdRule;
const enough =
	'Asking each child what a good day looks like changed the conversation, and I now plan visits around the child’s own words rather than my list of tasks.';
const full = {
	relevance: 'Direct work with children is most of my job.',
	learning: enough,
	impact: 'I use the three houses tool on every first visit.',
	peerReflected: true,
	peerReflection: enough
};

describe('thin records', () => {
	it('passes a record with every field written', () => {
		expect(thinParts(full)).toEqual([]);
		expect(thinParts({ ...full, peerReflected: false, peerReflection: '' })).toEqual([]);
	});

	it('flags an empty impact and a one-line reflection', () => {
		expect(thinParts({ ...full, impact: '  ' })).toEqual(['The impact on your practice is empty.']);
		expect(thinParts({ ...full, learning: 'Listen to children.' })).toEqual([
			'What you learnt is a line or less (under 20 words).'
		]);
		expect(thinParts({ ...full, peerReflection: 'We talked it through.' })).toEqual([
			'The peer reflection is a line or less (under 20 words).'
		]);
		expect(
			thinParts({
				relevance: '',
				learning: '',
				impact: '',
				peerReflected: true,
				peerReflection: ''
			})
		).toEqual([
			'The description and relevance to practice is empty.',
			'What you learnt is empty.',
			'The impact on your practice is empty.',
			'You reflected on it with a peer, but the peer reflection is empty.'
		]);
	});
});

describe('the checklist', () => {
	it('counts submitted records and peer reflections, never drafts', () => {
		const records = [
			{ status: 'accepted' as const, peerReflected: false },
			{ status: 'submitted' as const, peerReflected: false },
			{ status: 'draft' as const, peerReflected: true }
		];
		expect(cpdChecklist(rule, records)).toEqual({
			records: 2,
			peerReflected: 0,
			shortfall: { records: 0, peerReflected: 1, met: false }
		});
		expect(cpdChecklist(rule, [...records, { status: 'returned', peerReflected: true }])).toEqual({
			records: 3,
			peerReflected: 1,
			shortfall: { records: 0, peerReflected: 0, met: true }
		});
	});
});

describe('the year asked for', () => {
	it('is this year when none is given, or a year up to this one', () => {
		expect(readYearName(null, 2026)).toEqual({ name: 2026 });
		expect(readYearName(' ', 2026)).toEqual({ name: 2026 });
		expect(readYearName('2025', 2026)).toEqual({ name: 2025 });
		expect(readYearName(' 2026 ', 2026)).toEqual({ name: 2026 });
	});

	it('says what is wrong with anything else', () => {
		for (const text of ['26', 'twenty', '2026-11-30', '1e3', '-2026', '20266'])
			expect(readYearName(text, 2026)).toEqual({
				problem: 'Give the registration year as four digits, the year it ends in, like 2026.'
			});
		expect(readYearName('2027', 2026)).toEqual({
			problem: 'The registration year 2027 has not begun: the latest is 2026.'
		});
		expect(readYearName('1999', 2026)).toEqual({
			problem: 'There are no registration years before 2000 to show.'
		});
	});
});
