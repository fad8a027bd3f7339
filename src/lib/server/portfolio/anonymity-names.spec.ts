import { describe, expect, it } from 'vitest';
import { checkAnonymity } from './anonymity';

// Names beyond the content's list (compromise's lexicon, and unknown words where only a
// person's name would be), names of every shape, and the professional prose that must raise
// nothing: theorists and researchers, frameworks, tools and places of law.

const found = (text: string) =>
	checkAnonymity([{ name: 'account', label: 'Account', text }]).map((f) => `${f.kind}: ${f.match}`);

describe('names beyond the list', () => {
	it('finds given names from compromise’s lexicon, alone or with any surname', () => {
		expect(found('I spoke to Kacper about football.')).toEqual(['name: Kacper']);
		expect(found('Later Tomasz Wiśniewski rang the office.')).toEqual(['name: Tomasz Wiśniewski']);
		expect(found('The visit with Yusuf went well, and Zofia was there.')).toEqual([
			'name: Yusuf',
			'name: Zofia'
		]);
	});

	it('finds a word no list knows before a person’s verb, or after "with" or "told"', () => {
		expect(found('Ngozi said that she was scared.')).toEqual(['name: Ngozi']);
		expect(found('At school Oluwaseun cried all morning.')).toEqual(['name: Oluwaseun']);
		expect(found('I spoke with Ngozi about school.')).toEqual(['name: Ngozi']);
		expect(found('Then Ngozi’s mum arrived.')).toEqual(['name: Ngozi']);
	});

	it('finds a word no list knows beside a name found already', () => {
		expect(found('Amara and Dmitri went to the park.')).toEqual(['name: Amara', 'name: Dmitri']);
		expect(found('I saw Jane, Amara and Chiamaka at home.')).toEqual([
			'name: Jane',
			'name: Amara',
			'name: Chiamaka'
		]);
	});

	it('leaves unknown words alone where a place, a service or jargon could be', () => {
		expect(
			found(
				'We went to Oakbridge together. The Safeguarding lead, Neighbours and Teachers said so. Everyone said it helped, and we met with Horizons about housing, on a call with WhatsApp and with JavaScript.'
			)
		).toEqual([]);
	});

	it('leaves a name that is a place alone, unless a person’s word comes with it', () => {
		expect(found('A placement in Chester; the plan for Bradford.')).toEqual([]);
		expect(found('Then Chester said hello.')).toEqual(['name: Chester']);
	});
});

describe('names of every shape', () => {
	it.each([
		['hyphenated', 'I met Lily-Mae today.', 'Lily-Mae'],
		[
			'hyphenated, both parts',
			'I met Jean-Pierre Dubois-Martin today.',
			'Jean-Pierre Dubois-Martin'
		],
		['apostrophised', 'I met D’Arcy O’Neill today.', 'D’Arcy O’Neill'],
		['apostrophised, straight', "Her son D'Andre came.", "D'Andre"],
		['accented', 'I met Siobhán and Zoë today.', 'Siobhán'],
		['Polish', 'Łucja laughed at that.', 'Łucja'],
		['decomposed accents', 'I met Zoe\u0308 today.', 'Zoe\u0308'],
		['possessive', 'Kacper’s bedroom was cold.', 'Kacper']
	])('finds a %s name', (_, text, name) => {
		expect(found(text)[0]).toBe(`name: ${name}`);
	});
});

describe('professional prose that must raise nothing', () => {
	it.each([
		['Laming', 'As Laming (2003) found, agencies did not share what they knew.'],
		['Laming, again', 'Laming said that no single agency had the whole picture.'],
		['Featherstone', 'Featherstone, Morris and White (2014) argue for a humane approach.'],
		['Trevithick', 'Trevithick and Howe both write about the use of self.'],
		['Howe', 'Howe (1995) describes attachment across the life course.'],
		['Rogers', 'Rogers (1951) and Carl Rogers’ core conditions guided me.'],
		['Munro', 'Professor Munro’s review and the Munro Review changed practice.'],
		['Ferguson', 'Ferguson writes about the child’s bedroom on home visits.'],
		['Brandon', 'Brandon and Sidebotham (2016) analysed serious case reviews.'],
		['Dr Howe', 'Dr Howe explains how children adapt.'],
		['Signs of Safety', 'I used Signs of Safety and the Graded Care Profile 2.'],
		['Three Houses', 'We drew the Three Houses and a Team Around the Family plan.'],
		['Solihull', 'The Solihull Approach and the Camberwell Assessment of Need.'],
		['places of law', 'The hearing moved from the Royal Courts of Justice to the Court of Appeal.'],
		['Milton Keynes', 'Our training was in Milton Keynes with the Family Drug and Alcohol Court.'],
		['reviews', 'The Independent Review of Children’s Social Care and the MacAlister Review.'],
		['Ed Psych', 'The Ed Psych report helped the team.']
	])('%s', (_, text) => {
		expect(found(text)).toEqual([]);
	});

	it('still finds a family member with a theorist’s surname', () => {
		expect(found('Mrs Howe, the grandmother, came.')).toEqual(['name: Mrs Howe']);
		expect(found('Her son Rogers came.')).toEqual(['name: Rogers']);
	});
});
