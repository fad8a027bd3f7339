import { z } from 'zod';
import { ContentError } from '../content/error.ts';
import { filesUnder, type ContentFiles } from '../content/files.ts';
import { parseYaml, type YamlPath } from '../content/yaml.ts';

// The anonymity checker's data (`content/anonymity/`): word lists as plain text, and identifier
// patterns as YAML. An authority adds local names, places and reference formats there; the
// rules that use them stay in the checker. See content/anonymity/README.md.

/** The word lists, by the name the checker gives them. */
const wordLists = {
	givenNames: 'given-names.txt',
	wordlikeNames: 'wordlike-names.txt',
	properNames: 'proper-names.txt',
	surnames: 'surnames.txt',
	titles: 'titles.txt',
	cueWords: 'cue-words.txt',
	ordinaryWords: 'ordinary-words.txt',
	professionalWords: 'professional-words.txt',
	placeWords: 'place-words.txt',
	notAPersonBefore: 'not-a-person-before.txt',
	personBefore: 'person-before.txt',
	determiners: 'determiners.txt',
	streetSuffixes: 'street-suffixes.txt',
	courtWords: 'court-words.txt'
} as const;
const peopleList = 'well-known-people.txt';
const identifiersFile = 'identifiers.yaml';

/**
 * The kinds the checker finds by its own rules, so identifiers.yaml may not declare them: what
 * each is called and the advice shown with it.
 */
export const ruleKinds = [
	{
		kind: 'date-of-birth',
		name: 'Date of birth',
		message: 'This looks like a date of birth. Use an age instead, such as ‘aged 9’.'
	},
	{
		kind: 'address',
		name: 'Address',
		message:
			'This looks like a street address. Leave out addresses, or say ‘the family home’ instead.'
	},
	{
		kind: 'name',
		name: 'Name',
		message:
			'This looks like a person’s name. Use a role or an initial instead, such as ‘the child (A)’ or ‘Mother’.'
	}
];

/** Rules in the checker that an identifier's match must also pass. */
export const identifierChecks = ['nhs-check-digit', 'phone-digits', 'one-case'] as const;
export type IdentifierCheck = (typeof identifierChecks)[number];

const identifiersSchema = z.array(
	z
		.object({
			kind: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lowercase letters, digits and hyphens'),
			name: z.string().min(1),
			message: z.string().min(1),
			patterns: z
				.array(
					z
						.object({
							regex: z.string().min(1),
							group: z.number().int().min(0).default(0),
							ignoreCase: z.boolean().default(false),
							check: z.enum(identifierChecks).optional()
						})
						.strict()
				)
				.default([]),
			phrases: z.array(z.string().trim().min(1)).default([])
		})
		.strict()
		.refine((k) => k.patterns.length + k.phrases.length > 0, 'needs patterns or phrases')
);

export interface IdentifierPattern {
	regex: RegExp;
	group: number;
	check?: IdentifierCheck;
}

export interface IdentifierKind {
	kind: string;
	name: string;
	message: string;
	patterns: IdentifierPattern[];
}

export type AnonymityLists = Record<keyof typeof wordLists, string[]> & {
	wellKnownPeople: string[];
	identifiers: IdentifierKind[];
};

/** Reads and checks `content/anonymity/`; a bad word or pattern names the file and line. */
export function loadAnonymityLists(files: ContentFiles): AnonymityLists {
	const folder = filesUnder(files, 'anonymity');
	const known = new Set([...Object.values(wordLists), peopleList, identifiersFile, 'README.md']);
	for (const path of Object.keys(folder))
		if (!known.has(path.slice('anonymity/'.length)))
			throw new ContentError(path, 'is not a list the anonymity checker reads (see its README.md)');
	const read = (name: string) => {
		const path = `anonymity/${name}`;
		if (folder[path] === undefined) throw new ContentError(path, 'is missing');
		return { path, source: folder[path] };
	};
	const lists = Object.fromEntries(
		Object.entries(wordLists).map(([key, name]) => [key, readWords(read(name), /\s+/, word)])
	) as Record<keyof typeof wordLists, string[]>;
	return {
		...lists,
		wellKnownPeople: readWords(read(peopleList), /\n/, fullName),
		identifiers: readIdentifiers(read(identifiersFile))
	};
}

const word = /^[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]*)*$/u;
const fullName = /^[\p{L}\p{M}]+(?:['’. -]+[\p{L}\p{M}]+)*$/u;

/** Entries separated by `separator`; `#` starts a comment. */
function readWords(file: { path: string; source: string }, separator: RegExp, shape: RegExp) {
	return file.source.split('\n').flatMap((line, index) => {
		const entries = line.replace(/#.*/, '').trim().split(separator).filter(Boolean);
		for (const entry of entries)
			if (!shape.test(entry))
				throw new ContentError(
					file.path,
					`"${entry}" has a character a ${shape === word ? 'word' : 'name'} does not`,
					index + 1
				);
		return entries;
	});
}

function readIdentifiers(file: { path: string; source: string }): IdentifierKind[] {
	const { data, lineOf } = parseYaml(file.path, file.source, identifiersSchema);
	const problem = (message: string, path: YamlPath) =>
		new ContentError(file.path, message, lineOf(path));
	const seen = new Set(ruleKinds.map((k) => k.kind));
	return data.map(({ kind, name, message, patterns, phrases }, k) => {
		if (seen.has(kind)) throw problem(`the kind "${kind}" is already in use`, [k, 'kind']);
		seen.add(kind);
		const compiled = patterns.map(({ regex, group, ignoreCase, check }, p) => {
			const at = (key: string) => [k, 'patterns', p, key];
			const pattern = compile(regex, ignoreCase);
			if (typeof pattern === 'string') throw problem(pattern, at('regex'));
			const groups = new RegExp(`${regex}|`, 'u').exec('')!.length - 1;
			if (group > groups) throw problem(`the pattern has no group ${group}`, at('group'));
			if (check === 'phone-digits' && groups < 1)
				throw problem('phone-digits needs the number after the 0 as group 1', at('check'));
			return { regex: pattern, group, check };
		});
		if (phrases.length)
			compiled.push({ regex: phrasePattern(phrases), group: 0, check: undefined });
		return { kind, name, message, patterns: compiled };
	});
}

/** The pattern compiled, or why it cannot be used. */
function compile(source: string, ignoreCase: boolean): RegExp | string {
	let regex: RegExp;
	try {
		regex = new RegExp(source, ignoreCase ? 'dgiu' : 'dgu');
	} catch (error) {
		return `the pattern does not compile: ${(error as Error).message}`;
	}
	if (new RegExp(regex.source, 'u').test('')) return 'the pattern matches empty text';
	return regex;
}

/** Phrases as whole words in any case, with any spaces and either apostrophe. */
function phrasePattern(phrases: string[]) {
	const escape = (part: string) => escapeRegExp(part).replace(/['’]/g, "['’]");
	const alternatives = phrases.map((p) =>
		p
			.split(/\s+/)
			.map(escape)
			.join(String.raw`\s+`)
	);
	return new RegExp(
		String.raw`(?<![\p{L}\p{N}])(?:${alternatives.join('|')})(?![\p{L}\p{N}])`,
		'dgiu'
	);
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
