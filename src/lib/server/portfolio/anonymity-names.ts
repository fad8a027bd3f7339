import { unknownNames } from './anonymity-unknown-names.ts';
import {
	capitalised,
	firstPartIn,
	hasName,
	isInitial,
	scan,
	type NameCandidate,
	type NameRule,
	type Scan
} from './anonymity-scan.ts';
import { fold, holds, type NameWords } from './anonymity-words.ts';

// Personal names, for the anonymity checker. Four rules:
//   1. a title and a capitalised word: "Mrs Patel", "Dr. Khan", "Mr J. Smith";
//   2. a cue and a capitalised word: "her son Kai", "a child called Ruby", "Mother Jane";
//   3. a given name, on the content's list or compromise's, with a surname ("Jane Smith",
//      "Kacper Wiśniewski") or alone ("I spoke with Jane about…");
//   4. a capitalised word no list knows, where only a person would be: "Ngozi said", "Amara and
//      Kai", "Ngozi's mum" (anonymity-unknown-names.ts).
// Capitalised words that are ordinary words or professional terms (stop words) never count as
// names after a cue, and names that are also ordinary or place words need more evidence.
// Theorists cited by surname and named frameworks (the professional allow-list) are not names
// found by rules 3 and 4. File names are split at underscores, hyphens, dots and capitals:
// "Jane_Smith_report.pdf". The words are lists in content/anonymity/ (anonymity-words.ts).

export type { NameWords } from './anonymity-words.ts';
export { nameWords } from './anonymity-words.ts';

/** 1. Titles. Dots are allowed after the title and after initials: "Dr. Khan", "Mr J. Smith". */
function titleAt(s: Scan, i: number) {
	const { words, lists } = s;
	const word = words[i];
	if (!lists.titles.has(word.text) || word.possessive) return;
	let last = -1;
	let j = i + 1;
	while (j < words.length && j - i <= 4) {
		const previous = words[j - 1];
		const dotted = previous === word || isInitial(previous);
		const ok = dotted
			? (s.file ? s.separators : /^\.?[ \t\u00a0]+$/).test(s.gap(previous, words[j]))
			: s.joined(previous, words[j]);
		if (!ok) break;
		const w = words[j];
		// The first word may be an ordinary word that is also a surname: "Mrs White".
		const first = last < 0 && (!lists.stop.has(w.lower) || holds(lists.surnames, w.lower));
		if (capitalised(w) && (first || s.nameLike(w))) last = j;
		else if (!isInitial(w)) break;
		if (w.possessive) break;
		j++;
	}
	if (last > i) s.add(word, words[last], 'title');
}

/** 2. Cues: "her son Kai", "Mother Jane", "a child called Ruby Smith". */
function cueAt(s: Scan, i: number) {
	const { words, lists } = s;
	const [word, next] = [words[i], words[i + 1]];
	if (!lists.cues.has(word.lower) || word.possessive || !next) return;
	const gap = s.file ? s.separators : /^[ \t\u00a0]*[,:]?[ \t\u00a0]+$/;
	if (!gap.test(s.gap(word, next)) || !s.nameLike(next)) return;
	const last = s.surnameRun(i + 1, 2);
	const after = words[last + 1];
	// "Child Arrangements Order": a capitalised term running on is a title, not a name.
	const term = s.joined(words[last], after) && capitalised(after) && lists.stop.has(after.lower);
	if (!term) s.add(next, words[last], 'cue');
}

/** 3. Given names. Returns the index of the last word used, so a surname is not read again. */
function givenNameAt(s: Scan, i: number): number {
	const { words, lists } = s;
	const [word, next] = [words[i], words[i + 1]];
	if (!capitalised(word) || !hasName(lists.given, word)) return i;
	const previous = i > 0 && s.joined(words[i - 1], word) ? words[i - 1] : undefined;
	if (previous && lists.notAPersonBefore.has(previous.lower)) return i;
	// Capitalised, so "Sarah's Law" and "Victoria Road" are skipped but "Zainab's school" is not.
	const place = !!next && capitalised(next) && lists.places.has(next.lower);
	if (word.possessive && place && s.spaces.test(s.gap(word, next))) return i;
	if (s.joined(word, next) && place && !holds(lists.surnames, next.lower)) return i;
	const afterDeterminer = !!previous && lists.determiners.has(previous.lower);
	const proper = firstPartIn(lists.proper, word);
	const wordlike = firstPartIn(lists.wordlike, word);

	let last = s.surnameRun(i, 2);
	if (last > i && (proper || wordlike)) {
		const needsSurname = proper || word.sentenceStart;
		if (afterDeterminer || (needsSurname && !holds(lists.surnames, words[i + 1].lower))) last = i;
	}
	if (last > i) {
		const after = words[last + 1];
		// "John Radcliffe Hospital", "Ronald McDonald House": a place named after someone.
		if (!(s.joined(words[last], after) && capitalised(after) && lists.places.has(after.lower)))
			s.add(word, words[last], 'given');
		return last;
	}
	if (proper) {
		// "I spoke with India", "Chester said": a person, not the place.
		const verb = s.joined(word, next) && lists.personAfter.has(next.lower);
		if ((previous && lists.personBefore.has(previous.lower)) || verb) s.add(word, word, 'given');
	} else if (wordlike) {
		if (!word.sentenceStart && !afterDeterminer) s.add(word, word, 'given');
	} else s.add(word, word, 'given');
	return i;
}

export function names(
	text: string,
	file: boolean,
	allowed: string[][],
	lists: NameWords
): NameCandidate[] {
	const s = scan(text, file, lists);
	for (let i = 0; i < s.words.length; i++) {
		titleAt(s, i);
		cueAt(s, i);
		i = givenNameAt(s, i);
	}
	const famous = [...text.matchAll(lists.wellKnown)].map((m) => [m.index, m.index + m[0].length]);
	const cited = (c: NameCandidate) =>
		famous.some(([start, end]) => c.start < end && start < c.end) ||
		(c.via !== 'cue' && isProfessional(text.slice(c.start, c.end), c.via, lists));
	// Before rule 4, which takes a word beside a name for a name too: "Munro and Kolb" are not.
	const kept = s.found.filter((c) => !cited(c));
	s.found.splice(0, s.found.length, ...kept);
	if (!file) unknownNames(s);
	return s.found.filter((c) => !cited(c) && !isAllowed(text.slice(c.start, c.end), allowed, lists));
}

/**
 * "Laming", "Howe", "Dr Howe": a surname on the professional allow-list, cited alone or as a
 * doctor (researchers are cited so; "Mrs Howe" is someone's name).
 */
function isProfessional(match: string, via: NameRule, lists: NameWords) {
	if (via === 'title' && !/^Dr\b/.test(match)) return false;
	const words = wordsOf(match, lists);
	return words.length === 1 && holds(lists.professional, words[0]);
}

/** Lower-case words of a name, without titles or initials. */
export function wordsOf(name: string, lists: NameWords): string[] {
	return name
		.split(/[^\p{L}\p{M}'’]+/u)
		.filter((w) => w.length > 1 && !lists.titles.has(w))
		.map(fold);
}

// A name is allowed when each of its words is a word of one allowed name, so with "Sam Okoro"
// allowed, "Sam", "Okoro", "Mr Okoro" and "Sam Okoro" pass but "Sam Smith" does not.
function isAllowed(match: string, allowed: string[][], lists: NameWords): boolean {
	const words = wordsOf(match, lists);
	return words.length > 0 && allowed.some((name) => words.every((w) => name.includes(w)));
}
