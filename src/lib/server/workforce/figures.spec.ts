import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankedByName } from './figures';

describe('rows ranked, then by name', () => {
	it('is the plain sort by rank, then name as people read it, then id', () => {
		const collator = new Intl.Collator('en-GB');
		// Names that the order of character codes puts elsewhere: case, accents, spaces, hyphens.
		const name = fc.constantFrom(
			'Ann Edge',
			'ann edge',
			'Ánn Edge',
			'Zoë Åberg',
			'de Souza',
			'De Souza',
			'Ben',
			'Ben-Ali',
			'Ben Ali',
			'Benali',
			'Øyvind',
			'O’Brien',
			'OBrien',
			'zed',
			'Zed',
			''
		);
		const row = fc.record({ name, rank: fc.integer({ min: -3, max: 3 }) });
		fc.assert(
			fc.property(fc.array(row, { maxLength: 60 }), fc.boolean(), (drawn, withId) => {
				const rows = drawn.map((r, i) => ({ ...r, id: `id-${String(i).padStart(3, '0')}` }));
				const expected = [...rows].sort(
					(a, b) =>
						a.rank - b.rank ||
						collator.compare(a.name, b.name) ||
						(withId ? (a.id < b.id ? -1 : 1) : 0)
				);
				const ranked = withId
					? rankedByName(
							[...rows].reverse(),
							(r) => r.rank,
							(r) => r.id
						)
					: rankedByName(rows, (r) => r.rank);
				expect(ranked.map((r) => r.id)).toEqual(expected.map((r) => r.id));
			})
		);
	});
});
