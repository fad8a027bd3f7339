import { bundledContent } from '../content/bundled.ts';
import { identifierCheck } from './anonymity-checks.ts';
import {
	loadAnonymityLists,
	ruleKinds,
	type AnonymityLists,
	type IdentifierKind
} from './anonymity-lists.ts';
import { nameWords, names, wordsOf, type NameWords } from './anonymity-names.ts';

// Looks for details that could identify a child or family in a portfolio record's texts and
// file names. It only warns: the practitioner sees each finding in context and either changes
// the text or confirms that it identifies no one. So the rules lean towards catching real
// identifiers, while keeping false alarms on ordinary professional prose rare, because a
// checker that cries wolf teaches people to tick the box without reading.
//
// Pure: no database, no SvelteKit. Each rule below is a function from a text to candidate spans;
// overlapping candidates are then reduced to one finding each, the most specific kind winning.
// The words and identifier patterns the rules use are data, in content/anonymity/ (read by
// anonymity-lists.ts); names are found in anonymity-names.ts, and what replaces each finding is
// worked out in anonymity-replace.ts.

/** `name`, `date-of-birth`, `address`, or a kind from content/anonymity/identifiers.yaml. */
export type FindingKind = string;

export interface CheckedField {
	/** The form field's name, e.g. `account` or `reflection.gibbs.feelings` or `file:report.pdf`. */
	name: string;
	/** What the person calls it, e.g. "Account of the activity". */
	label: string;
	text: string;
}

export interface Finding {
	kind: FindingKind;
	/** `CheckedField.name` */
	field: string;
	/** `CheckedField.label` */
	label: string;
	/** The text found: always `text.slice(start, end)` of the field. */
	match: string;
	start: number;
	end: number;
	/** Up to about 40 characters before the match, cut at a word, with "…" if cut. */
	before: string;
	/** The same after the match. */
	after: string;
	/** What it looks like and what to do, in plain English. */
	message: string;
}

/** What the checker needs from a set of lists, built once for each. */
interface Rules {
	/** When candidates overlap, the kind earlier here is kept: it says more about what the text is. */
	specificity: FindingKind[];
	messages: Record<FindingKind, string>;
	identifiers: IdentifierKind[];
	address: RegExp;
	courtWords: Set<string>;
	names: NameWords;
}

const compiled = new WeakMap<AnonymityLists, Rules>();

function rulesFor(lists: AnonymityLists): Rules {
	let rules = compiled.get(lists);
	if (rules) return rules;
	const kinds = [...ruleKinds, ...lists.identifiers];
	rules = {
		// A date after "DOB" is a date of birth, not a phone number; "Jane.Smith@…" is an email.
		specificity: ['date-of-birth', ...lists.identifiers.map((k) => k.kind), 'address', 'name'],
		messages: Object.fromEntries(kinds.map((k) => [k.kind, k.message])),
		identifiers: lists.identifiers,
		address: addressPattern(lists.streetSuffixes),
		courtWords: new Set(lists.courtWords),
		names: nameWords(lists)
	};
	compiled.set(lists, rules);
	return rules;
}

/** The lists in content/anonymity, as bundled at build. */
export const anonymityLists = loadAnonymityLists(bundledContent);

/** What each kind of finding is called, for people. */
export const findingKindNames: Record<FindingKind, string> = Object.fromEntries(
	[...ruleKinds, ...anonymityLists.identifiers].map((k) => [k.kind, k.name])
);

/** What each kind of finding looks like and what to do, for people. */
export const findingKindMessages: Record<FindingKind, string> = Object.fromEntries(
	[...ruleKinds, ...anonymityLists.identifiers].map((k) => [k.kind, k.message])
);

const contextLength = 40;

export interface Candidate {
	kind: FindingKind;
	start: number;
	end: number;
}

export interface Options {
	allowedNames?: string[];
	/** Other lists than content/anonymity's, for tests. */
	lists?: AnonymityLists;
}

/** Each field's likely identifying details, in field order and then by position. */
export function checkAnonymity(fields: CheckedField[], options: Options = {}): Finding[] {
	const rules = rulesFor(options.lists ?? anonymityLists);
	const allowed = (options.allowedNames ?? [])
		.map((name) => wordsOf(name, rules.names))
		.filter((words) => words.length > 0);
	return fields.flatMap((field) => {
		const file = field.name.startsWith('file:');
		const text = field.text ?? '';
		const candidates = [
			...datesOfBirth(text),
			...identifiers(text, rules.identifiers),
			...addresses(text, rules),
			...names(text, file, allowed, rules.names)
		];
		return keepMostSpecific(candidates, rules.specificity).map((c) => ({
			kind: c.kind,
			field: field.name,
			label: field.label,
			match: text.slice(c.start, c.end),
			start: c.start,
			end: c.end,
			before: contextBefore(text, c.start),
			after: contextAfter(text, c.end),
			message: rules.messages[c.kind]
		}));
	});
}

function keepMostSpecific(candidates: Candidate[], specificity: FindingKind[]): Candidate[] {
	const ranked = [...candidates].sort(
		(a, b) =>
			specificity.indexOf(a.kind) - specificity.indexOf(b.kind) ||
			b.end - b.start - (a.end - a.start) ||
			a.start - b.start
	);
	const kept: Candidate[] = [];
	for (const c of ranked) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
	return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

const tidy = (s: string) => s.replace(/\s+/g, ' ');

function contextBefore(text: string, start: number): string {
	const from = start - contextLength;
	if (from <= 0) return tidy(text.slice(0, start)).trimStart();
	let slice = text.slice(from, start);
	// Starting mid-word would show a meaningless fragment, so begin at the next word.
	if (!/\s/.test(text[from - 1])) {
		const space = slice.search(/\s/);
		if (space >= 0) slice = slice.slice(space);
	}
	return '…' + tidy(slice).trimStart();
}

function contextAfter(text: string, end: number): string {
	const to = end + contextLength;
	if (to >= text.length) return tidy(text.slice(end)).trimEnd();
	let slice = text.slice(end, to);
	if (!/\s/.test(text[to])) {
		const space = slice.search(/\s\S*$/);
		if (space >= 0) slice = slice.slice(0, space);
	}
	return tidy(slice).trimEnd() + '…';
}

/** Each match of a global pattern, with where its `group` starts and ends. */
function spans(pattern: RegExp, text: string, group = 0) {
	const found: { m: RegExpExecArray; start: number; end: number }[] = [];
	pattern.lastIndex = 0;
	for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
		if (m[0] === '') pattern.lastIndex++;
		const [start, end] = m.indices?.[group] ?? [m.index, m.index + m[0].length];
		found.push({ m, start, end });
	}
	return found;
}

// ---------------------------------------------------------------------------------------------
// Dates of birth. Practitioners write ordinary dates all the time ("On 3 March 2026 I visited"),
// so a date counts only next to a cue that says it is a birth date. The match is the date alone:
// the cue ("DOB") identifies no one, and the advice is to replace the date with an age.

// The boundaries before a match are ASCII: a Unicode class there makes a search several times
// slower, and these patterns run over every text as it is typed.
// Only an abbreviation takes a dot, so a full stop after "4 May." stays out of the match.
const month = String.raw`(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|jun(?:e|\.)?|jul(?:y|\.)?|aug(?:ust|\.)?|sep(?:tember|t\.?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)`;
const day = String.raw`(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?`;
const year = String.raw`(?:19|20)\d{2}`;
const dayMonth = String.raw`${day}(?:\s+of)?\s+${month}`;
const fullDate = [
	String.raw`${year}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])`, // 2015-05-04
	String.raw`(?:0?[1-9]|[12]\d|3[01])[/.\-](?:0?[1-9]|1[0-2])[/.\-](?:19|20)?\d{2}`, // 4/5/15
	String.raw`${dayMonth},?\s+${year}`, // 4th of May 2015
	String.raw`${month}\s+${day},?\s+${year}` // May 4, 2015
].join('|');
// After a cue, less than a full date still dates a birth: "born in May 2015", "born 2015".
const cuedDate = `${fullDate}|${month}\\s+${year}|${dayMonth}|${year}`;
const birthCue = String.raw`d\.?o\.?b\.?|date\s+of\s+birth|born|birthday|b\.`;
// "DOB: 4/5/15", "born on the 4th of May 2015", "date of birth is 4 May 2015", "DOB_2015-05-04".
const cueGap = String.raw`[\s:=_\-–—(,]*(?:(?:is|was|of|on|in|the|around)\s+)*`;
const dateAfterCue = new RegExp(
	String.raw`(?<![A-Za-z0-9])(${birthCue})(?!\p{L})${cueGap}(${cuedDate})(?![\p{L}\p{N}])`,
	'dgiu'
);
// "04/05/2015 (DOB)"
const dateBeforeCue = new RegExp(
	String.raw`(?<![A-Za-z0-9])(${fullDate})[ \t]*[(\[,]?[ \t]*(?:d\.?o\.?b\.?|date\s+of\s+birth)(?!\p{L})`,
	'dgiu'
);

function datesOfBirth(text: string): Candidate[] {
	const found: Candidate[] = [];
	for (const { m, start, end } of spans(dateAfterCue, text, 2)) {
		// "b." is a cue only in lower case, as in "b. 2015"; "Plan B. 2015" is not a birth.
		if (m[1] === 'B.') continue;
		// "Her birthday in May 2025" says when a birthday was, not when she was born.
		if (/^birthday$/i.test(m[1]) && /^(?:\p{L}+\.?\s+)?\d{4}$/u.test(m[2])) continue;
		found.push({ kind: 'date-of-birth', start, end });
	}
	for (const { start, end } of spans(dateBeforeCue, text, 1))
		found.push({ kind: 'date-of-birth', start, end });
	return found;
}

// ---------------------------------------------------------------------------------------------
// Identifiers found by their shape (content/anonymity/identifiers.yaml): NHS and National
// Insurance numbers, email addresses, postcodes, phone numbers, court case numbers, pupil
// numbers, case records' numbers, social media accounts, vehicle registrations, local schools
// and settings, and the authority's own. Some shapes need a check too (anonymity-checks.ts).

function identifiers(text: string, kinds: IdentifierKind[]): Candidate[] {
	return kinds.flatMap(({ kind, patterns }) =>
		patterns.flatMap(({ regex, group, check }) =>
			spans(regex, text, group)
				.filter(({ m }) => !check || identifierCheck[check](m))
				.map(({ start, end }) => ({ kind, start, end }))
		)
	);
}

// ---------------------------------------------------------------------------------------------
// Street addresses: a house number (perhaps "Flat 3," first), one to three capitalised words and
// a street suffix (street-suffixes.txt). Without the suffix it is not an address: "10 Good
// Practice Standards".

function addressPattern(streetSuffixes: string[]) {
	return new RegExp(
		String.raw`(?<![A-Za-z0-9£$.])(?:(?:Flat|Apartment|Apt|Unit)\.?[ \t]+\d{1,4}[A-Za-z]?,?[ \t]+)?\d{1,4}[A-Za-z]?(?:-\d{1,4}[A-Za-z]?)?,?[ \t]+((?:\p{Lu}[\p{L}'’\-]*[ \t]+){1,3})(?:${streetSuffixes.join('|')})(?!\p{L})\.?`,
		'gu'
	);
}

function addresses(text: string, rules: Rules): Candidate[] {
	const found: Candidate[] = [];
	for (const { m, start, end } of spans(rules.address, text)) {
		const matched = text.slice(start, end).replace(/\.$/, '');
		// "3 Family Court hearings" counts courts, not a street called Family Court.
		const before = m[1]
			.trim()
			.split(/[ \t]+/)
			.at(-1)!;
		if (matched.endsWith('Court') && rules.courtWords.has(before)) continue;
		found.push({ kind: 'address', start, end: start + matched.length });
	}
	return found;
}
