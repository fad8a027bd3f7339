import { describe, expect, it } from 'vitest';
import { checkContent } from '../content/check';
import { nameMappedStandards, readStandardChoices } from './mapping';

const sets = checkContent().standardSets.filter((s) => s.kind === 'practice-standards');

describe('mapping a record to local standards', () => {
	it('names each standard by its number and title, in set and item order', () => {
		const named = nameMappedStandards(sets, [
			{ setId: 'knowsley', setVersion: '1', ref: 'knowsley-2' },
			{ setId: 'gloucestershire', setVersion: '1', ref: 'gloucestershire-3' }
		]);
		expect(named.map((s) => [s.setTitle, s.label, s.newerEdition])).toEqual([
			[
				'Gloucestershire practice standards',
				'Standard 3: All children have an assessment reflecting the wishes, feelings, needs and capacity of parents and carers',
				null
			],
			['Knowsley social work practice standards', 'Standard 2: The child is the focus', null]
		]);
	});

	it('says when a record was mapped to an earlier edition of the set', () => {
		const next = sets.map((s) => (s.id === 'knowsley' ? { ...s, version: '2' } : s));
		const [named] = nameMappedStandards(next, [
			{ setId: 'knowsley', setVersion: '1', ref: 'knowsley-2' }
		]);
		expect(named).toMatchObject({ setVersion: '1', newerEdition: '2' });
		// An earlier edition's choice is refused unless the record already holds it.
		expect(readStandardChoices(next, ['knowsley-2@1'], [])).toHaveProperty('error');
		expect(readStandardChoices(next, ['knowsley-2'], [])).toEqual({
			standards: [{ setId: 'knowsley', setVersion: '2', ref: 'knowsley-2' }]
		});
	});
});
