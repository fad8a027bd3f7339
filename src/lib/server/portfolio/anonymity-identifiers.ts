import { z } from 'zod';
import { ContentError } from '../content/error.ts';
import { parseYaml, type YamlPath } from '../content/yaml.ts';

// The identifier kinds of `content/anonymity/identifiers.yaml`: details found by their shape,
// each with its patterns or phrases, and what "Replace" puts in its place.

/** Rules in the checker that an identifier's match must also pass. */
export const identifierChecks = [
	'nhs-check-digit',
	'phone-digits',
	'one-case',
	'ni-number',
	'upn',
	'court-year',
	'vehicle-registration'
] as const;
export type IdentifierCheck = (typeof identifierChecks)[number];

const placeholderSchema = z
	.string()
	.trim()
	.min(1)
	.max(60)
	.refine((p) => !/[{}]/.test(p.replace('{letter}', '')), 'may hold {letter} and no other braces');

const identifiersSchema = z.array(
	z
		.object({
			kind: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lowercase letters, digits and hyphens'),
			name: z.string().min(1),
			message: z.string().min(1),
			placeholder: placeholderSchema.optional(),
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
			phrases: z.array(z.string().trim().min(1)).default([]),
			phrasesFile: z
				.string()
				.regex(/^[a-z0-9-]+\.txt$/, 'must be a .txt file in content/anonymity')
				.optional()
		})
		.strict()
		.refine(
			(k) => k.patterns.length + k.phrases.length > 0 || k.phrasesFile,
			'needs patterns or phrases'
		)
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
	/** What replaces a match; `{letter}` numbers different matches A, B, C… */
	placeholder: string;
	patterns: IdentifierPattern[];
}

export interface TextFile {
	path: string;
	source: string;
}

/** "[NHS number removed]", "[email address removed]": the kind's name, in a sentence. */
const removed = (name: string) =>
	`[${/^\p{Lu}\p{Ll}/u.test(name) ? name[0].toLowerCase() + name.slice(1) : name} removed]`;

/**
 * Reads identifiers.yaml. `phrasesOf` reads a kind's `phrasesFile` (a file in the same folder);
 * `reserved` are the kinds the checker finds by its own rules.
 */
export function readIdentifiers(
	file: TextFile,
	phrasesOf: (name: string, at: number | undefined) => string[],
	reserved: string[]
): IdentifierKind[] {
	const { data, lineOf } = parseYaml(file.path, file.source, identifiersSchema);
	const problem = (message: string, path: YamlPath) =>
		new ContentError(file.path, message, lineOf(path));
	const seen = new Set(reserved);
	return data.map(({ kind, name, message, placeholder, patterns, phrases, phrasesFile }, k) => {
		if (seen.has(kind)) throw problem(`the kind "${kind}" is already in use`, [k, 'kind']);
		seen.add(kind);
		const compiled = patterns.map(({ regex, group, ignoreCase, check }, p) => {
			const at = (key: string) => [k, 'patterns', p, key];
			const pattern = compile(regex, ignoreCase, group > 0);
			if (typeof pattern === 'string') throw problem(pattern, at('regex'));
			const groups = new RegExp(`${regex}|`, 'u').exec('')!.length - 1;
			if (group > groups) throw problem(`the pattern has no group ${group}`, at('group'));
			if (check === 'phone-digits' && groups < 1)
				throw problem('phone-digits needs the number after the 0 as group 1', at('check'));
			return { regex: pattern, group, check };
		});
		const all = [
			...phrases,
			...(phrasesFile ? phrasesOf(phrasesFile, lineOf([k, 'phrasesFile'])) : [])
		];
		if (all.length) compiled.push({ regex: phrasePattern(all), group: 0, check: undefined });
		return { kind, name, message, placeholder: placeholder ?? removed(name), patterns: compiled };
	});
}

/**
 * The pattern compiled, or why it cannot be used. Only a pattern whose finding is a group needs
 * the groups' positions (the `d` flag), which cost time on every match.
 */
function compile(source: string, ignoreCase: boolean, groups: boolean): RegExp | string {
	let regex: RegExp;
	try {
		regex = new RegExp(source, `${groups ? 'd' : ''}g${ignoreCase ? 'i' : ''}u`);
	} catch (error) {
		return `the pattern does not compile: ${(error as Error).message}`;
	}
	if (new RegExp(regex.source, 'u').test('')) return 'the pattern matches empty text';
	return regex;
}

/** Phrases as whole words in any case, with any spaces and either apostrophe. */
export function phrasePattern(phrases: string[]) {
	const escape = (part: string) => escapeRegExp(part).replace(/['’]/g, "['’]");
	const alternatives = phrases.map((p) =>
		p
			.split(/\s+/)
			.map(escape)
			.join(String.raw`\s+`)
	);
	return new RegExp(
		String.raw`(?<![A-Za-z0-9])(?:${alternatives.join('|')})(?![\p{L}\p{N}])`,
		'giu'
	);
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
