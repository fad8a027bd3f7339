import { describe, expect, it } from 'vitest';
import { checkAnonymity, type CheckedField } from './anonymity';
import { applyReplacements, suggestReplacements } from './anonymity-replace';

// What each finding would be replaced with, the same person or place keeping the same
// placeholder through a record's fields, and replacing them.

const fields = (...texts: string[]): CheckedField[] =>
	texts.map((text, i) => ({ name: `field${i}`, label: `Field ${i}`, text }));

const suggested = (list: CheckedField[]) =>
	suggestReplacements(list, checkAnonymity(list)).map((s) => `${s.match} → ${s.replacement}`);

describe('suggestReplacements', () => {
	it('gives a name its person’s role and a letter, the same wherever they are named', () => {
		const record = fields(
			'Her son Kai and Mother: Jane. Mrs Patel, the neighbour, came.',
			'Later Kai and Jane Smith went out; Kai Smith cried. Her daughter Ruby stayed.'
		);
		expect(suggested(record)).toEqual([
			'Kai → Child A',
			'Jane → Parent A',
			'Mrs Patel → Person A',
			'Kai → Child A',
			'Jane Smith → Parent A',
			'Kai Smith → Child A',
			'Ruby → Child B'
		]);
	});

	it('takes a child’s age after the name, and carers’ words, for the role', () => {
		expect(
			suggested(fields('Zofia, aged 7, and Kacper (4) live with foster carer Tomasz.'))
		).toEqual(['Zofia → Child A', 'Kacper → Child B', 'Tomasz → Carer A']);
	});

	it('does not give out a letter the text already uses', () => {
		expect(
			suggested(fields('Child A and Parent A said her son Kai and Mother Jane were ok.'))
		).toEqual(['Kai → Child B', 'Jane → Parent B']);
	});

	it('replaces identifiers with their kind’s placeholder, and settings with a letter each', () => {
		const record = fields(
			'DOB 4/5/15 at 12 Acacia Avenue, GL1 2AB; NI AB123456C.',
			'She left Hillview Primary School for Larkrise Nursery; hillview primary school called.'
		);
		expect(suggested(record)).toEqual([
			'4/5/15 → [date of birth removed]',
			'12 Acacia Avenue → [address removed]',
			'GL1 2AB → [postcode removed]',
			'AB123456C → [NI number removed]',
			'Hillview Primary School → Setting A',
			'Larkrise Nursery → Setting B',
			'hillview primary school → Setting A'
		]);
	});
});

describe('applyReplacements', () => {
	const record = fields(
		'Her son Kai lives at GL1 2AB with Mother Jane.',
		'Kai’s school called. Kai Smith was upset; call 07700 900123.'
	);
	const suggestions = suggestReplacements(record, checkAnonymity(record));

	it('replaces a person wherever they are named, and says how often', () => {
		const kai = suggestions.find((s) => s.match === 'Kai')!;
		const { texts, replaced } = applyReplacements(record, suggestions, (s) => s === kai);
		expect(Object.fromEntries(texts)).toEqual({
			field0: 'Her son Child A lives at GL1 2AB with Mother Jane.',
			field1: 'Child A’s school called. Child A was upset; call 07700 900123.'
		});
		expect(replaced).toEqual([
			{ match: 'Kai', replacement: 'Child A', count: 2 },
			{ match: 'Kai Smith', replacement: 'Child A', count: 1 }
		]);
	});

	it('replaces everything, and the texts then raise nothing', () => {
		const { texts } = applyReplacements(record, suggestions, () => true);
		const after = record.map((f) => ({ ...f, text: texts.get(f.name) ?? f.text }));
		expect(after.map((f) => f.text)).toEqual([
			'Her son Child A lives at [postcode removed] with Mother Parent A.',
			'Child A’s school called. Child A was upset; call [phone number removed].'
		]);
		expect(checkAnonymity(after)).toEqual([]);
	});

	it('changes nothing when nothing is chosen', () => {
		expect(applyReplacements(record, suggestions, () => false)).toEqual({
			texts: new Map(),
			replaced: []
		});
	});
});
