import { describe, expect, it } from 'vitest';
import { ContentError } from '../content/error';
import { readContentFiles } from '../content/files';
import { checkAnonymity } from './anonymity';
import { loadAnonymityLists } from './anonymity-lists';

const content = readContentFiles('content');

/** The real lists with one file replaced. */
const withFile = (name: string, source: string) => ({
	...content,
	[`anonymity/${name}`]: source
});

const identifiers = content['anonymity/identifiers.yaml'];

const local = `
- kind: case-number
  name: Case number
  message: This looks like a case number.
  patterns:
    - regex: 'CR-\\d{6}'
- kind: school
  name: School
  message: This names a school.
  phrases: [Elmgrove Primary School, St Anne's Junior]
`;

const found = (text: string, lists = loadAnonymityLists(content)) =>
	checkAnonymity([{ name: 'account', label: 'Account', text }], { lists }).map(
		(f) => `${f.kind}: ${f.match}`
	);

describe('the anonymity lists in content/anonymity', () => {
	it('hold the names, words and identifier kinds the checker uses', () => {
		const lists = loadAnonymityLists(content);
		expect(lists.givenNames).toContain('jane');
		expect(lists.surnames).toContain("o'brien");
		expect(lists.titles).toEqual(['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Master']);
		expect(lists.wellKnownPeople).toContain('Martin Luther King');
		expect(lists.identifiers.map((k) => k.kind)).toEqual([
			'nhs-number',
			'email',
			'postcode',
			'phone',
			'ni-number',
			'court-case-number',
			'upn',
			'case-system-id',
			'social-media',
			'vehicle-registration',
			'local-setting'
		]);
	});

	it('let an authority add its own case numbers and schools, and local names', () => {
		const lists = loadAnonymityLists(withFile('identifiers.yaml', identifiers + local));
		expect(
			found('Case CR-123456 at Elmgrove  primary school and St Anne’s Junior.', lists)
		).toEqual([
			'case-number: CR-123456',
			'school: Elmgrove  primary school',
			'school: St Anne’s Junior'
		]);
		const result = checkAnonymity([{ name: 'a', label: 'A', text: 'CR-654321' }], { lists });
		expect(result[0].message).toBe('This looks like a case number.');
		// Unknown, and where a place or a service could be too: a name only once it is on the list.
		expect(found('We went to see Zebedee today.')).toEqual([]);
		const names = withFile('given-names.txt', `${content['anonymity/given-names.txt']}\nzebedee\n`);
		expect(found('We went to see Zebedee today.', loadAnonymityLists(names))).toEqual([
			'name: Zebedee'
		]);
	});

	it('refuse a pattern that does not compile, naming the file and line', () => {
		const bad = `${identifiers}\n- kind: case-number\n  name: Case\n  message: A case.\n  patterns:\n    - regex: 'CR-(\\d{6}'\n`;
		const line = bad.split('\n').findIndex((l) => l.includes('CR-(')) + 1;
		expect(() => loadAnonymityLists(withFile('identifiers.yaml', bad))).toThrow(
			new RegExp(`^content/anonymity/identifiers.yaml:${line}: the pattern does not compile`)
		);
	});

	it('refuse patterns that match empty text, lack their group, or name an unknown check', () => {
		const kind = (pattern: string) =>
			`${identifiers}\n- kind: case-number\n  name: Case\n  message: A case.\n  patterns:\n    - ${pattern}\n`;
		const load = (pattern: string) => () =>
			loadAnonymityLists(withFile('identifiers.yaml', kind(pattern)));
		expect(load("regex: '\\d*'")).toThrow(/matches empty text/);
		expect(load("{ regex: 'C\\d', group: 1 }")).toThrow(/has no group 1/);
		expect(load("{ regex: 'C\\d', check: luhn }")).toThrow(/identifiers.yaml:\d+: .*check/);
		expect(load("{ regex: 'C\\d', check: phone-digits }")).toThrow(/group 1/);
	});

	it('refuse a kind the checker finds by its own rules, or one declared twice', () => {
		const named = `${identifiers}\n- { kind: name, name: Name, message: A name., phrases: [x] }\n`;
		expect(() => loadAnonymityLists(withFile('identifiers.yaml', named))).toThrow(
			/the kind "name" is already in use/
		);
		const twice = `${identifiers}\n- { kind: email, name: Email, message: Again., phrases: [x] }\n`;
		expect(() => loadAnonymityLists(withFile('identifiers.yaml', twice))).toThrow(
			/the kind "email" is already in use/
		);
	});

	it('refuse a word with a character a word does not have, naming the line', () => {
		const source = '# names\njane\njo4n\n';
		expect(() => loadAnonymityLists(withFile('given-names.txt', source))).toThrow(
			new ContentError('anonymity/given-names.txt', '"jo4n" has a character a word does not', 3)
		);
	});

	it('refuse a file the checker does not read, and a missing one', () => {
		expect(() => loadAnonymityLists(withFile('schools.txt', 'x'))).toThrow(
			/anonymity\/schools.txt: is not a list the anonymity checker reads/
		);
		const missing = { ...content };
		delete missing['anonymity/surnames.txt'];
		expect(() => loadAnonymityLists(missing)).toThrow(/anonymity\/surnames.txt: is missing/);
	});

	it('read a kind’s phrases from a file it names, and refuse one that is missing', () => {
		const kind = `${identifiers}\n- kind: youth-club\n  name: Youth club\n  message: This looks like a youth club.\n  placeholder: Club {letter}\n  phrasesFile: youth-clubs.txt\n`;
		const lists = loadAnonymityLists({
			...withFile('identifiers.yaml', kind),
			'anonymity/youth-clubs.txt': '# ours\nThe Den Youth Club\nSpark Café\n'
		});
		expect(found('She goes to the den youth club and Spark Café.', lists)).toEqual([
			'youth-club: the den youth club',
			'youth-club: Spark Café'
		]);
		expect(lists.identifiers.at(-1)?.placeholder).toBe('Club {letter}');
		const line = kind.split('\n').findIndex((l) => l.includes('youth-clubs.txt')) + 1;
		expect(() => loadAnonymityLists(withFile('identifiers.yaml', kind))).toThrow(
			new ContentError(
				'anonymity/identifiers.yaml',
				'names youth-clubs.txt, which is missing',
				line
			)
		);
	});

	it('give a kind without a placeholder its name, in brackets', () => {
		const lists = loadAnonymityLists(withFile('identifiers.yaml', identifiers + local));
		expect(lists.identifiers.find((k) => k.kind === 'case-number')?.placeholder).toBe(
			'[case number removed]'
		);
		expect(lists.identifiers.find((k) => k.kind === 'nhs-number')?.placeholder).toBe(
			'[NHS number removed]'
		);
	});

	it('refuse name placeholders without a letter, or without one for everyone else', () => {
		const placeholders = content['anonymity/placeholders.yaml'];
		const load = (source: string) => () =>
			loadAnonymityLists(withFile('placeholders.yaml', source));
		expect(load(placeholders.replace('Child {letter}', 'Child'))).toThrow(
			/placeholders.yaml:\d+: .*needs \{letter\}/
		);
		expect(load(placeholders.replace('  - placeholder: Person {letter}\n', ''))).toThrow(
			/placeholders.yaml:\d+: .*the last role is for everyone else/
		);
	});

	it('hold the professional allow-list: surnames and named frameworks and places', () => {
		const lists = loadAnonymityLists(content);
		expect(lists.professionalNames).toEqual(
			expect.arrayContaining(['Laming', 'Featherstone', 'Signs of Safety', 'Court of Appeal'])
		);
		expect(lists.placeholders.name.map((role) => role.placeholder)).toEqual([
			'Child {letter}',
			'Parent {letter}',
			'Carer {letter}',
			'Person {letter}'
		]);
	});
});
