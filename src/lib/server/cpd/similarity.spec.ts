import { describe, expect, it } from 'vitest';
import { nearDuplicates, phrasesOf, similarity } from './similarity';

const visit =
	'I visited a family with three children after a referral from school about neglect. I used a genogram to understand who supports the family and learnt that the grandmother is a protective factor.';

describe('phrases and their overlap', () => {
	it('makes three-word phrases of the words, whatever the case, punctuation and accents', () => {
		expect([...phrasesOf('The café’s  door, the CAFÉS door!')]).toEqual([
			'the cafes door',
			'cafes door the',
			'door the cafes'
		]);
		expect(phrasesOf('Too short')).toEqual(new Set());
	});

	it('shares all phrases with a copy and none with different words', () => {
		expect(similarity(phrasesOf(visit), phrasesOf(visit))).toBe(1);
		expect(similarity(phrasesOf(visit), phrasesOf('Reading about attachment theory today.'))).toBe(
			0
		);
		expect(similarity(phrasesOf(''), phrasesOf(''))).toBe(0);
	});
});

describe('near-duplicates', () => {
	// One word of 33 changed: 31 phrases each, 28 of them shared, 34 in all: 82%.
	const lightlyChanged = visit.replace('three children', 'four children');
	const reworded =
		'After the school raised concerns about neglect, I saw a family of three. Drawing a family tree with them showed me their grandmother keeps the children safe.';

	it('finds a record copied and lightly changed, naming each of the pair', () => {
		const found = nearDuplicates([
			{ id: 'a', text: visit },
			{ id: 'b', text: lightlyChanged },
			{ id: 'c', text: reworded }
		]);
		expect(found.get('a')).toEqual([{ id: 'b', earlier: false, percent: 82 }]);
		expect(found.get('b')).toEqual([{ id: 'a', earlier: false, percent: 82 }]);
		// The same story in other words is not a duplicate.
		expect(found.get('c')).toEqual([]);
	});

	it('finds a record that repeats one from the year before, and only this year’s are flagged', () => {
		const found = nearDuplicates(
			[{ id: 'now', text: lightlyChanged }],
			[{ id: 'then', text: visit }]
		);
		expect(found.get('now')).toEqual([{ id: 'then', earlier: true, percent: 82 }]);
		expect(found.has('then')).toBe(false);
	});

	it('draws the line at half the phrases shared', () => {
		const words = Array.from({ length: 22 }, (_, i) => `w${i}`);
		// 20 phrases each; changing the last 6 words leaves 14 shared of 26: 54%.
		const sixChanged = [...words.slice(0, 16), 'x1', 'x2', 'x3', 'x4', 'x5', 'x6'];
		// Changing the last 8 leaves 12 shared of 28: 43%.
		const eightChanged = [...words.slice(0, 14), ...Array.from({ length: 8 }, (_, i) => `y${i}`)];
		const found = nearDuplicates([
			{ id: 'base', text: words.join(' ') },
			{ id: 'six', text: sixChanged.join(' ') },
			{ id: 'eight', text: eightChanged.join(' ') }
		]);
		expect(found.get('six')!.map((d) => [d.id, d.percent])).toEqual([['base', 54]]);
		expect(found.get('eight')).toEqual([]);
	});
});
