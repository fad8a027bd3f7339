import { z } from 'zod';
import { ContentError } from '../content/error.ts';
import { filesUnder, type ContentFiles } from '../content/files.ts';
import { parseYaml } from '../content/yaml.ts';
import { readIdentifiers, type IdentifierKind, type TextFile } from './anonymity-identifiers.ts';

export {
	escapeRegExp,
	identifierChecks,
	type IdentifierCheck,
	type IdentifierKind,
	type IdentifierPattern
} from './anonymity-identifiers.ts';

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
	personAfter: 'person-after.txt',
	determiners: 'determiners.txt',
	streetSuffixes: 'street-suffixes.txt',
	courtWords: 'court-words.txt'
} as const;
const peopleList = 'well-known-people.txt';
const professionalList = 'professional-names.txt';
const identifiersFile = 'identifiers.yaml';
const placeholdersFile = 'placeholders.yaml';

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

const letter = '{letter}';
const roleSchema = z
	.object({
		placeholder: z
			.string()
			.trim()
			.min(1)
			.max(60)
			.includes(letter, {
				message: `needs ${letter}, so that different people are told apart`
			}),
		after: z.array(z.string().trim().min(1)).default([]),
		aged: z.boolean().default(false)
	})
	.strict();
const placeholdersSchema = z
	.object({
		'date-of-birth': z.string().trim().min(1).max(60),
		address: z.string().trim().min(1).max(60),
		name: z
			.array(roleSchema)
			.min(1)
			.refine((roles) => {
				const last = roles.at(-1)!;
				return !last.after.length && !last.aged;
			}, 'the last role is for everyone else: a placeholder with no words')
	})
	.strict();

/** What "Replace" puts in place of each kind the checker finds by its own rules. */
export type RulePlaceholders = z.infer<typeof placeholdersSchema>;
export type NameRole = RulePlaceholders['name'][number];

export type AnonymityLists = Record<keyof typeof wordLists, string[]> & {
	wellKnownPeople: string[];
	/** Surnames cited alone, and named frameworks, tools and places of law. */
	professionalNames: string[];
	identifiers: IdentifierKind[];
	placeholders: RulePlaceholders;
};

/** Reads and checks `content/anonymity/`; a bad word or pattern names the file and line. */
export function loadAnonymityLists(files: ContentFiles): AnonymityLists {
	const folder = filesUnder(files, 'anonymity');
	const known = new Set([
		...Object.values(wordLists),
		peopleList,
		professionalList,
		identifiersFile,
		placeholdersFile,
		'README.md'
	]);
	const read = (name: string, from?: { path: string; line?: number }): TextFile => {
		const path = `anonymity/${name}`;
		if (folder[path] !== undefined) return { path, source: folder[path] };
		if (from) throw new ContentError(from.path, `names ${name}, which is missing`, from.line);
		throw new ContentError(path, 'is missing');
	};
	const identifiersAt = `anonymity/${identifiersFile}`;
	const phrasesOf = (name: string, line: number | undefined) => {
		known.add(name);
		return readWords(read(name, { path: identifiersAt, line }), /\n/, phrase);
	};
	const lists = Object.fromEntries(
		Object.entries(wordLists).map(([key, name]) => [key, readWords(read(name), /\s+/, word)])
	) as Record<keyof typeof wordLists, string[]>;
	const result = {
		...lists,
		wellKnownPeople: readWords(read(peopleList), /\n/, fullName),
		professionalNames: readWords(read(professionalList), /\n/, fullName),
		identifiers: readIdentifiers(
			read(identifiersFile),
			phrasesOf,
			ruleKinds.map((k) => k.kind)
		),
		placeholders: parseYaml(
			`anonymity/${placeholdersFile}`,
			read(placeholdersFile).source,
			placeholdersSchema
		).data
	};
	for (const path of Object.keys(folder))
		if (!known.has(path.slice('anonymity/'.length)))
			throw new ContentError(path, 'is not a list the anonymity checker reads (see its README.md)');
	return result;
}

const word = /^[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]*)*$/u;
const fullName = /^[\p{L}\p{M}]+(?:['’. -]+[\p{L}\p{M}]+)*$/u;
// A school or setting: words, with digits, apostrophes, dots, hyphens, ampersands and brackets.
const phrase = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’.&() -]*$/u;

/** Entries separated by `separator`; `#` starts a comment. */
function readWords(file: { path: string; source: string }, separator: RegExp, shape: RegExp) {
	return file.source.split('\n').flatMap((line, index) => {
		const entries = line.replace(/#.*/, '').trim().split(separator).filter(Boolean);
		for (const entry of entries)
			if (!shape.test(entry))
				throw new ContentError(
					file.path,
					`"${entry}" has a character a ${shape === word ? 'word' : shape === phrase ? 'place' : 'name'} does not`,
					index + 1
				);
		return entries;
	});
}
