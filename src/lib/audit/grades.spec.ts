import { describe, expect, it } from 'vitest';
import { deriveGrades, grades, type AreaGrade } from './grades';

// Three practice standards and the two areas that cascade, as in the default audit.
const areas = [
	{ id: 'standard-1', cascade: false },
	{ id: 'standard-2', cascade: false },
	{ id: 'standard-3', cascade: false },
	{ id: 'management-oversight', cascade: true },
	{ id: 'cp-iro', cascade: true }
];

const allGood: Record<string, AreaGrade> = {
	'standard-1': 'good',
	'standard-2': 'good',
	'standard-3': 'good',
	'management-oversight': 'good',
	'cp-iro': 'good'
};

const with_ = (changes: Record<string, AreaGrade | undefined>) => ({ ...allGood, ...changes });

describe('deriveGrades: one area at each grade, the others Good', () => {
	it('Outstanding in one area: overall Good, nothing cascades', () => {
		const result = deriveGrades(areas, with_({ 'standard-1': 'outstanding' }), false);
		expect(result.overall).toBe('good');
		expect(result.cascaded).toEqual([]);
		expect(result.areas['standard-1']).toBe('outstanding');
		expect(result.areas['management-oversight']).toBe('good');
	});

	it('Good everywhere: overall Good', () => {
		const result = deriveGrades(areas, allGood, false);
		expect(result.overall).toBe('good');
		expect(result.cascaded).toEqual([]);
	});

	it('Requires improvement in one area: overall, management oversight and CP/IRO become Requires improvement', () => {
		const result = deriveGrades(areas, with_({ 'standard-2': 'requires-improvement' }), false);
		expect(result.overall).toBe('requires-improvement');
		expect(result.areas['management-oversight']).toBe('requires-improvement');
		expect(result.areas['cp-iro']).toBe('requires-improvement');
		expect(result.areas['standard-1']).toBe('good');
		expect(result.areas['standard-3']).toBe('good');
		expect(result.cascaded).toEqual(['management-oversight', 'cp-iro']);
	});

	it('Inadequate in one area: overall, management oversight and CP/IRO become Inadequate', () => {
		const result = deriveGrades(areas, with_({ 'standard-3': 'inadequate' }), false);
		expect(result.overall).toBe('inadequate');
		expect(result.areas['management-oversight']).toBe('inadequate');
		expect(result.areas['cp-iro']).toBe('inadequate');
		expect(result.areas['standard-1']).toBe('good');
		expect(result.cascaded).toEqual(['management-oversight', 'cp-iro']);
	});

	it('Requires improvement in management oversight itself: overall and CP/IRO follow it', () => {
		const result = deriveGrades(
			areas,
			with_({ 'management-oversight': 'requires-improvement' }),
			false
		);
		expect(result.overall).toBe('requires-improvement');
		expect(result.areas['management-oversight']).toBe('requires-improvement');
		expect(result.areas['cp-iro']).toBe('requires-improvement');
		expect(result.cascaded).toEqual(['cp-iro']);
	});

	it('Inadequate in CP/IRO itself: overall and management oversight follow it', () => {
		const result = deriveGrades(areas, with_({ 'cp-iro': 'inadequate' }), false);
		expect(result.overall).toBe('inadequate');
		expect(result.areas['management-oversight']).toBe('inadequate');
		expect(result.cascaded).toEqual(['management-oversight']);
	});

	it('every grade in one area, with the others Outstanding', () => {
		const outstanding = Object.fromEntries(areas.map((a) => [a.id, 'outstanding' as const]));
		const expected = {
			outstanding: ['outstanding', 'outstanding'],
			good: ['good', 'outstanding'],
			'requires-improvement': ['requires-improvement', 'requires-improvement'],
			inadequate: ['inadequate', 'inadequate']
		};
		for (const grade of grades) {
			const result = deriveGrades(areas, { ...outstanding, 'standard-1': grade }, false);
			expect([result.overall, result.areas['management-oversight']]).toEqual(expected[grade]);
		}
	});
});

describe('deriveGrades: several areas', () => {
	it('Requires improvement and Inadequate: the worst, Inadequate, cascades', () => {
		const result = deriveGrades(
			areas,
			with_({ 'standard-1': 'requires-improvement', 'standard-2': 'inadequate' }),
			false
		);
		expect(result.overall).toBe('inadequate');
		expect(result.areas['standard-1']).toBe('requires-improvement');
		expect(result.areas['management-oversight']).toBe('inadequate');
		expect(result.areas['cp-iro']).toBe('inadequate');
	});

	it('two areas Requires improvement, management oversight already Inadequate: overall Inadequate', () => {
		const result = deriveGrades(
			areas,
			with_({
				'standard-1': 'requires-improvement',
				'standard-2': 'requires-improvement',
				'management-oversight': 'inadequate'
			}),
			false
		);
		expect(result.overall).toBe('inadequate');
		expect(result.areas['cp-iro']).toBe('inadequate');
		expect(result.cascaded).toEqual(['cp-iro']);
	});

	it('Good and Outstanding mixed: overall Good', () => {
		const result = deriveGrades(
			areas,
			with_({ 'standard-1': 'outstanding', 'cp-iro': 'outstanding' }),
			false
		);
		expect(result.overall).toBe('good');
		expect(result.areas['cp-iro']).toBe('outstanding');
	});

	it('a cascading area already worse than the others keeps its own grade', () => {
		const result = deriveGrades(
			areas,
			with_({ 'standard-1': 'requires-improvement', 'cp-iro': 'inadequate' }),
			false
		);
		expect(result.overall).toBe('inadequate');
		expect(result.areas['cp-iro']).toBe('inadequate');
		expect(result.areas['management-oversight']).toBe('inadequate');
	});
});

describe('deriveGrades: the grip override', () => {
	it('with grip, management oversight and CP/IRO keep their grades; the overall grade still falls', () => {
		const result = deriveGrades(areas, with_({ 'standard-1': 'requires-improvement' }), true);
		expect(result.overall).toBe('requires-improvement');
		expect(result.areas['management-oversight']).toBe('good');
		expect(result.areas['cp-iro']).toBe('good');
		expect(result.cascaded).toEqual([]);
	});

	it('with grip and an Inadequate area, the overall grade is Inadequate and the rest stand', () => {
		const result = deriveGrades(
			areas,
			with_({ 'standard-2': 'inadequate', 'management-oversight': 'outstanding' }),
			true
		);
		expect(result.overall).toBe('inadequate');
		expect(result.areas['management-oversight']).toBe('outstanding');
	});

	it('grip changes nothing when no area is below Good', () => {
		expect(deriveGrades(areas, allGood, true)).toEqual(deriveGrades(areas, allGood, false));
	});
});

describe('deriveGrades: areas not applicable or not yet graded', () => {
	it('CP/IRO not applicable stays not applicable under the cascade', () => {
		const result = deriveGrades(
			areas,
			with_({ 'standard-1': 'inadequate', 'cp-iro': 'not-applicable' }),
			false
		);
		expect(result.overall).toBe('inadequate');
		expect(result.areas['cp-iro']).toBe('not-applicable');
		expect(result.cascaded).toEqual(['management-oversight']);
	});

	it('no overall grade until every area is graded, but the cascade already shows', () => {
		const result = deriveGrades(
			areas,
			with_({ 'standard-1': 'requires-improvement', 'standard-3': undefined }),
			false
		);
		expect(result.overall).toBeUndefined();
		expect(result.areas['management-oversight']).toBe('requires-improvement');
	});
});
