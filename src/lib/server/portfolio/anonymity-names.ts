import { escapeRegExp, type AnonymityLists } from './anonymity-lists.ts';
import type { Candidate } from './anonymity.ts';

// Personal names, for the anonymity checker. Three rules:
//   1. a title and a capitalised word: "Mrs Patel", "Dr. Khan", "Mr J. Smith";
//   2. a cue and a capitalised word: "her son Kai", "a child called Ruby", "Mother Jane";
//   3. a common given name, with a surname ("Jane Smith") or alone ("I spoke with Jane about…").
// Capitalised words that are ordinary words or professional terms (stop words) never count as
// names after a cue, and names that are also ordinary or place words need more evidence.
// File names are split at underscores, hyphens, dots and capitals: "Jane_Smith_report.pdf".
// The words are lists in content/anonymity/.

/** The lists as the rules use them: lower-case sets, titles as written. */
export interface NameWords {
	given: Set<string>;
	wordlike: Set<string>;
	proper: Set<string>;
	surnames: Set<string>;
	titles: Set<string>;
	cues: Set<string>;
	stop: Set<string>;
	places: Set<string>;
	notAPersonBefore: Set<string>;
	determiners: Set<string>;
	personBefore: Set<string>;
	/** Public figures whom reflections cite, who are not flagged. */
	wellKnown: RegExp;
}

function fold(word: string): string {
	return word.normalize('NFC').toLowerCase().replace(/’/g, "'");
}

const wordSet = (...lists: string[][]) => new Set(lists.flat().map(fold));

export function nameWords(lists: AnonymityLists): NameWords {
	const people = lists.wellKnownPeople.map((name) =>
		name
			.split(/[\s-]+/)
			.map(escapeRegExp)
			.join(String.raw`[\s_.\-]+`)
	);
	return {
		given: wordSet(lists.givenNames, lists.wordlikeNames, lists.properNames),
		wordlike: wordSet(lists.wordlikeNames),
		proper: wordSet(lists.properNames),
		surnames: wordSet(lists.surnames),
		titles: new Set(lists.titles),
		cues: wordSet(lists.cueWords),
		stop: wordSet(lists.ordinaryWords, lists.professionalWords),
		places: wordSet(lists.placeWords),
		notAPersonBefore: wordSet(lists.notAPersonBefore),
		determiners: wordSet(lists.determiners),
		personBefore: wordSet(lists.personBefore),
		wellKnown: new RegExp(`(?<!\\p{L})(?:${people.join('|')})(?!\\p{L})`, 'giu')
	};
}

interface Word {
	/** Without a possessive "'s". */
	text: string;
	lower: string;
	start: number;
	end: number;
	possessive: boolean;
	sentenceStart: boolean;
}

// A capital then a small letter: "Jane", "McDonald", "O'Brien", "Schön"; not "ASYE" or "A".
const capitalised = (w: Word) => /^\p{Lu}(?:['’]\p{Lu})?\p{Ll}/u.test(w.text);
const firstPart = (w: Word) => w.lower.split('-')[0];
const isInitial = (w: Word) => /^\p{Lu}$/u.test(w.text);

function tokenise(text: string, file: boolean): Word[] {
	// File names run words together ("JaneSmith", "Jane_Smith"), so capitals split them too.
	const pattern = file
		? /\p{Lu}?[\p{Ll}\p{M}]+|\p{Lu}+(?!\p{Ll})/gu
		: /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
	const words: Word[] = [];
	for (const m of text.matchAll(pattern)) {
		let value = m[0];
		const possessive = !file && /.['’]s$/u.test(value);
		if (possessive) value = value.slice(0, -2);
		const start = m.index;
		const previous = words.at(-1);
		// "Lily-Mae", "Smith-Jones": one name, unless it is a file name, where hyphens separate.
		if (
			!file &&
			previous &&
			!previous.possessive &&
			previous.end + 1 === start &&
			text[previous.end] === '-' &&
			/^\p{Lu}/u.test(previous.text) &&
			/^\p{Lu}/u.test(value)
		) {
			previous.text += '-' + value;
			previous.lower = fold(previous.text);
			previous.end = start + value.length;
			previous.possessive = possessive;
			continue;
		}
		words.push({
			text: value,
			lower: fold(value),
			start,
			end: start + value.length,
			possessive,
			sentenceStart: file ? /^[\s_.-]*$/.test(text.slice(0, start)) : startsSentence(text, start)
		});
	}
	return words;
}

function startsSentence(text: string, index: number): boolean {
	let i = index - 1;
	while (i >= 0 && /[ \t\u00a0"'“‘([]/.test(text[i])) i--;
	if (i < 0) return true;
	if (/[\r\n.!?:;•*]/.test(text[i])) return true;
	// A dash at the start of a line is a bullet.
	return /[-–—]/.test(text[i]) && /(?:^|\n)[ \t]*$/.test(text.slice(0, i));
}

/** One text's words, with what the rules ask about them, and the names found so far. */
function scan(text: string, file: boolean, lists: NameWords) {
	const words = tokenise(text, file);
	const gap = (a: Word, b: Word) => text.slice(a.possessive ? a.end + 2 : a.end, b.start);
	// Between two words of one name: spaces, or in a file name any separators or none at all.
	const spaces = /^[ \t\u00a0]+$/;
	const separators = /^[ \t_.-]*$/;
	const joined = (a: Word, b: Word | undefined): b is Word =>
		!!b && !a.possessive && (file ? separators : spaces).test(gap(a, b));
	const nameLike = (w: Word) => capitalised(w) && !lists.stop.has(w.lower);
	// "Smith" but not "House" in "Ronald McDonald House", unless it is a surname too: "Jane Hall".
	const surnameLike = (w: Word) =>
		nameLike(w) && (!lists.places.has(w.lower) || lists.surnames.has(w.lower));
	const found: Candidate[] = [];
	return {
		text,
		file,
		lists,
		words,
		found,
		gap,
		spaces,
		separators,
		joined,
		nameLike,
		add: (from: Word, to: Word) => found.push({ kind: 'name', start: from.start, end: to.end }),
		/** The last of up to `max` name-like words joined on from `words[i]`. */
		surnameRun(i: number, max: number) {
			let last = i;
			while (last - i < max && joined(words[last], words[last + 1]) && surnameLike(words[last + 1]))
				last++;
			return last;
		}
	};
}
type Scan = ReturnType<typeof scan>;

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
		const first = last < 0 && (!lists.stop.has(w.lower) || lists.surnames.has(w.lower));
		if (capitalised(w) && (first || s.nameLike(w))) last = j;
		else if (!isInitial(w)) break;
		if (w.possessive) break;
		j++;
	}
	if (last > i) s.add(word, words[last]);
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
	if (!term) s.add(next, words[last]);
}

/** 3. Given names. Returns the index of the last word used, so a surname is not read again. */
function givenNameAt(s: Scan, i: number): number {
	const { words, lists } = s;
	const [word, next] = [words[i], words[i + 1]];
	if (!capitalised(word) || !lists.given.has(firstPart(word))) return i;
	const previous = i > 0 && s.joined(words[i - 1], word) ? words[i - 1] : undefined;
	if (previous && lists.notAPersonBefore.has(previous.lower)) return i;
	// Capitalised, so "Sarah's Law" and "Victoria Road" are skipped but "Zainab's school" is not.
	const place = !!next && capitalised(next) && lists.places.has(next.lower);
	if (word.possessive && place && s.spaces.test(s.gap(word, next))) return i;
	if (s.joined(word, next) && place && !lists.surnames.has(next.lower)) return i;
	const afterDeterminer = !!previous && lists.determiners.has(previous.lower);
	const proper = lists.proper.has(firstPart(word));
	const wordlike = lists.wordlike.has(firstPart(word));

	let last = s.surnameRun(i, 2);
	if (last > i && (proper || wordlike)) {
		const needsSurname = proper || word.sentenceStart;
		if (afterDeterminer || (needsSurname && !lists.surnames.has(words[i + 1].lower))) last = i;
	}
	if (last > i) {
		const after = words[last + 1];
		// "John Radcliffe Hospital", "Ronald McDonald House": a place named after someone.
		if (!(s.joined(words[last], after) && capitalised(after) && lists.places.has(after.lower)))
			s.add(word, words[last]);
		return last;
	}
	if (proper) {
		if (previous && lists.personBefore.has(previous.lower)) s.add(word, word);
	} else if (wordlike) {
		if (!word.sentenceStart && !afterDeterminer) s.add(word, word);
	} else s.add(word, word);
	return i;
}

export function names(
	text: string,
	file: boolean,
	allowed: string[][],
	lists: NameWords
): Candidate[] {
	const s = scan(text, file, lists);
	for (let i = 0; i < s.words.length; i++) {
		titleAt(s, i);
		cueAt(s, i);
		i = givenNameAt(s, i);
	}
	const famous = [...text.matchAll(lists.wellKnown)].map((m) => [m.index, m.index + m[0].length]);
	return s.found.filter((c) => {
		if (famous.some(([start, end]) => c.start < end && start < c.end)) return false;
		return !isAllowed(text.slice(c.start, c.end), allowed, lists);
	});
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
