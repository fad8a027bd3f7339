import nlp from 'compromise/two';
import { escapeRegExp, type AnonymityLists } from './anonymity-lists.ts';

// The words the name rules look words up in: the lists in content/anonymity, and the names in
// compromise's lexicon (some 3,000 given names and 900 surnames from many languages, kept up
// by its maintainers), so that a name need not be on the authority's own list to be found.
// The content lists win: a word an authority calls ordinary or professional is never a name.

/** The lists as the rules use them: lower-case sets (with and without accents), titles as written. */
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
	personAfter: Set<string>;
	/** Every word the lists or the lexicon know, names or not: a word outside it is unknown. */
	known: Set<string>;
	/** Surnames cited alone, never a name without a title or a cue. */
	professional: Set<string>;
	/** Public figures, and frameworks and places of law, whose names are never flagged. */
	wellKnown: RegExp;
}

/** Lower case, composed, one kind of apostrophe. */
export function fold(word: string): string {
	const lower = word.toLowerCase();
	// Most words are ASCII: composing them changes nothing, and they have no curly apostrophe.
	if (!/[^\x20-\x7e]/.test(lower)) return lower;
	return lower.normalize('NFC').replace(/’/g, "'");
}

const unaccented: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe' };

/** Without accents or apostrophes, as compromise keeps its words: "siobhán" → "siobhan". */
export function plain(folded: string): string {
	if (!/[^a-z]/.test(folded)) return folded;
	return folded
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[łøđßæœ]/g, (c) => unaccented[c])
		.replace(/['’]/g, '');
}

/** Whether a set holds the word, as written or without its accents. */
export const holds = (set: Set<string>, folded: string) =>
	set.has(folded) || set.has(plain(folded));

type Lexicon = Record<string, string | string[]>;
let lexicon: Lexicon | undefined;

/** compromise's words, each with its tag: "kacper" → "MaleName", "smith" → "LastName". */
function compromiseLexicon(): Lexicon {
	lexicon ??= (nlp.model() as { one: { lexicon: Lexicon } }).one.lexicon;
	return lexicon;
}

function lexiconWords(...tags: string[]): string[] {
	const wanted = new Set(tags);
	return Object.entries(compromiseLexicon())
		.filter(([word, tag]) => !/\s/.test(word) && [tag].flat().some((t) => wanted.has(t)))
		.map(([word]) => word);
}

const wordSet = (...lists: string[][]) =>
	new Set(lists.flat().flatMap((w) => [fold(w), plain(fold(w))]));

const without = (words: string[], ...sets: Set<string>[]) =>
	words.filter((w) => !sets.some((set) => set.has(w)));

/** A regular expression for names and phrases written out, whatever the spaces between words. */
function phrasesPattern(phrases: string[]) {
	const alternatives = phrases.map((name) =>
		name
			.split(/[\s-]+/)
			.map(escapeRegExp)
			.join(String.raw`[\s_.\-]+`)
	);
	// The boundary before is ASCII: a Unicode class there makes the search several times slower.
	return new RegExp(`(?<![A-Za-z])(?:${alternatives.join('|')})(?!\\p{L})`, 'giu');
}

export function nameWords(lists: AnonymityLists): NameWords {
	const stop = wordSet(lists.ordinaryWords, lists.professionalWords);
	const wordlike = wordSet(lists.wordlikeNames);
	const proper = wordSet(lists.properNames);
	const listed = wordSet(lists.givenNames);
	// compromise's FirstName words are the ones it knows to be words too: "grace", "jack". The
	// content's lists say better how each is used here: "kai" is a name.
	const lexiconGiven = without(lexiconWords('MaleName', 'FemaleName'), stop, wordlike, proper);
	const lexiconWordlike = without(lexiconWords('FirstName'), stop, proper, listed);
	const people = lists.wellKnownPeople;
	const professionalPhrases = lists.professionalNames.filter((name) => /\s/.test(name));
	const professionalWords = lists.professionalNames.filter((name) => !/\s/.test(name));
	const given = wordSet(lists.givenNames, lexiconGiven, lists.wordlikeNames, lexiconWordlike);
	const words = {
		given: new Set([...given, ...proper]),
		wordlike: wordSet(lists.wordlikeNames, lexiconWordlike),
		proper,
		surnames: wordSet(lists.surnames, lexiconWords('LastName')),
		titles: new Set(lists.titles),
		cues: wordSet(lists.cueWords),
		stop,
		places: wordSet(lists.placeWords),
		notAPersonBefore: wordSet(lists.notAPersonBefore),
		determiners: wordSet(lists.determiners),
		personBefore: wordSet(lists.personBefore),
		personAfter: wordSet(lists.personAfter),
		professional: wordSet(professionalWords),
		wellKnown: phrasesPattern([...people, ...professionalPhrases])
	};
	const known = new Set([
		...Object.keys(compromiseLexicon()),
		...Object.values(words).flatMap((value) => (value instanceof Set ? [...value] : []))
	]);
	for (const title of lists.titles) known.add(fold(title));
	return { ...words, known };
}
