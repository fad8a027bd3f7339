import { anonymityLists, type CheckedField, type Finding } from './anonymity.ts';
import { escapeRegExp, type AnonymityLists, type NameRole } from './anonymity-lists.ts';

// What each finding could be replaced with, and replacing them. A name becomes its person's
// role and a letter ("Child A", "Parent B"), a postcode "[postcode removed]", a school "Setting
// A": the words are content/anonymity's (placeholders.yaml and identifiers.yaml). The same
// person or place keeps the same placeholder through every field of a record, and letters
// already in the text ("Child A", from an earlier replacement) are not given out again. Pure.

export interface Suggestion extends Finding {
	/** What would replace the match. */
	replacement: string;
	/** Findings with the same group are the same person or place, replaced together. */
	group: string;
}

const letter = '{letter}';
const tidy = (text: string) =>
	text
		.toLowerCase()
		.replace(/[’]/g, "'")
		.replace(/[\s.]+/g, ' ')
		.trim();

/** "A" … "Z", then "AA", "AB" …: the nth letter for a placeholder. */
function letterFor(n: number): string {
	const a = 'A'.charCodeAt(0);
	return n < 26
		? String.fromCharCode(a + n)
		: letterFor(Math.floor(n / 26) - 1) + letterFor(n % 26);
}

/** The people named in a record: the same person, named again, gets the first one's group. */
function personGroups(findings: Finding[], lists: AnonymityLists) {
	const titles = new Set(lists.titles.map((t) => t.toLowerCase()));
	const people: { words: string[]; key: string; titled: boolean }[] = [];
	return findings.map((finding) => {
		const key = tidy(finding.match);
		const all = key.split(' ');
		const titled = titles.has(all[0]);
		// Without titles and initials: "Mr J. Smith" → ["smith"]; "Lily-Mae Smith" is two words.
		const words = all.filter((w) => w.length > 1 && !titles.has(w));
		let index = people.findIndex((p) => p.key === key);
		if (index < 0 && !titled && words.length === 1)
			// "Kai", after "Kai Smith": the given name alone.
			index = people.findIndex((p) => !p.titled && p.words[0] === words[0]);
		if (index < 0 && !titled && words.length > 1) {
			// "Kai Smith", after "Kai": the same person, now with a surname.
			index = people.findIndex((p) => !p.titled && p.words.length === 1 && p.words[0] === words[0]);
			if (index >= 0) people[index] = { words, key, titled };
		}
		if (index < 0) index = people.push({ words, key, titled }) - 1;
		return `name:${index}`;
	});
}

const endsWithWords = (before: string, phrase: string) =>
	new RegExp(`(?:^|[^\\p{L}])${escapeRegExp(phrase).replace(/\s+/g, '\\s+')}$`, 'iu').test(before);
const agedAfter =
	/^\s*(?:,\s*aged\s+\d{1,2}\b|aged\s+\d{1,2}\b|\(\s*(?:aged\s+)?\d{1,2}\s*(?:years?|yrs?)?\s*\))/i;

/** The role a name's words and surroundings give it, if any: "her son Kai" → Child. */
function roleOf(finding: Finding, field: CheckedField, roles: NameRole[]): NameRole | undefined {
	const before = field.text
		.slice(Math.max(0, finding.start - 40), finding.start)
		.replace(/[\s,:;(—–-]+$/, '');
	const after = field.text.slice(finding.end, finding.end + 30);
	return roles.find(
		(role) =>
			role.after.some((phrase) => endsWithWords(before, phrase)) ||
			(role.aged && agedAfter.test(after))
	);
}

/** The letters already used in the texts for a placeholder such as "Child {letter}". */
function usedLetters(template: string, fields: CheckedField[]): Set<string> {
	const [head, tail] = template.split(letter).map(escapeRegExp);
	const pattern = new RegExp(
		`(?<![\\p{L}\\p{N}])${head}([A-Z]{1,2})${tail}(?![\\p{L}\\p{N}])`,
		'gu'
	);
	return new Set(fields.flatMap((f) => [...f.text.matchAll(pattern)].map((m) => m[1])));
}

/** Each finding with what would replace it, in the order given. */
export function suggestReplacements(
	fields: CheckedField[],
	findings: Finding[],
	lists: AnonymityLists = anonymityLists
): Suggestion[] {
	const fieldOf = new Map(fields.map((f) => [f.name, f]));
	const roles = lists.placeholders.name;
	const names = findings.filter((f) => f.kind === 'name');
	const nameGroups = new Map(personGroups(names, lists).map((group, i) => [names[i], group]));
	const groupOf = (f: Finding) => nameGroups.get(f) ?? `${f.kind}:${tidy(f.match)}`;

	// A person's role is the first their names give, wherever they are named.
	const roleOfGroup = new Map<string, NameRole>();
	for (const f of names) {
		const group = groupOf(f);
		const field = fieldOf.get(f.field);
		const role = field && roleOf(f, field, roles.slice(0, -1));
		if (role && !roleOfGroup.has(group)) roleOfGroup.set(group, role);
	}
	const templateOf = (f: Finding) => {
		if (f.kind === 'name') return (roleOfGroup.get(groupOf(f)) ?? roles.at(-1)!).placeholder;
		if (f.kind === 'date-of-birth' || f.kind === 'address') return lists.placeholders[f.kind];
		return lists.identifiers.find((k) => k.kind === f.kind)?.placeholder ?? '[removed]';
	};

	const given = new Map<string, string>();
	const used = new Map<string, Set<string>>();
	return findings.map((f) => {
		const group = groupOf(f);
		const template = templateOf(f);
		if (!given.has(group)) {
			if (!template.includes(letter)) given.set(group, template);
			else {
				if (!used.has(template)) used.set(template, usedLetters(template, fields));
				const taken = used.get(template)!;
				let n = 0;
				while (taken.has(letterFor(n))) n++;
				taken.add(letterFor(n));
				given.set(group, template.replace(letter, letterFor(n)));
			}
		}
		return { ...f, replacement: given.get(group)!, group };
	});
}

export interface Replaced {
	match: string;
	replacement: string;
	/** How many places it was replaced in. */
	count: number;
}

/**
 * The texts with the chosen suggestions replaced (a whole group at a time, so the person is
 * replaced wherever named), and what was replaced. Only texts of `fields` change.
 */
export function applyReplacements(
	fields: CheckedField[],
	suggestions: Suggestion[],
	chosen: (s: Suggestion) => boolean
) {
	const groups = new Set(suggestions.filter(chosen).map((s) => s.group));
	const applied = suggestions.filter((s) => groups.has(s.group));
	const texts = new Map<string, string>();
	for (const field of fields) {
		const here = applied.filter((s) => s.field === field.name).sort((a, b) => b.start - a.start);
		if (!here.length) continue;
		let text = field.text;
		for (const s of here) text = text.slice(0, s.start) + s.replacement + text.slice(s.end);
		texts.set(field.name, text);
	}
	const replaced: Replaced[] = [];
	for (const s of applied) {
		const same = replaced.find((r) => r.match === s.match && r.replacement === s.replacement);
		if (same) same.count++;
		else replaced.push({ match: s.match, replacement: s.replacement, count: 1 });
	}
	return { texts, replaced };
}
