import { capitalised, type Scan, type Word } from './anonymity-scan.ts';
import { holds, type NameWords } from './anonymity-words.ts';

// Rule 4 of the name rules: a capitalised word that no list and not compromise's lexicon knows
// (not a name, not an English word) is a name where only a person's name would be:
//   - before a person's verb: "Ngozi said", "Amara wants to go home";
//   - possessive, before a family word: "Ngozi's mum";
//   - after a word like "with" or "told", alone: "I spoke with Ngozi about school";
//   - beside a name found already: "Amara and Kai", "Kai, Amara and Ngozi".
// Unknown is not enough on its own: local services, places and jargon are unknown too.

// Word endings English words have and names seldom do, so "Safeguarding" or "Neighbours" at
// the start of a sentence is taken for a word the lexicon does not hold.
const englishEnding =
	/(?:ing|ings|ed|ly|tion|tions|sion|ment|ments|ness|ity|ance|ence|ship|hood|ful|less|ous|ive|able|ible|ism|ist|ists|ers|ors|ies|ical|ise|ised|ises|ize|ized)$/;

// A plural: "Horizons", "Parents". Names seldom end so ("Marcus", "Lewis", "Dimitrios" do not).
const plural = /[^siuo']s$/;

/**
 * Whether the word is a known one: on the lists or in the lexicon (which holds few ordinary
 * nouns as they are), a plural, spelt the US way, or with an ending English words have.
 */
function isKnown(lower: string, lists: NameWords): boolean {
	const known = lists.known;
	if (holds(known, lower) || plural.test(lower)) return true;
	if (lower.length > 5 && englishEnding.test(lower)) return true;
	const variants = [
		lower.replace(/s$/, ''),
		lower.replace(/es$/, ''),
		lower.replace(/ies$/, 'y'),
		lower.replace(/our/, 'or'),
		lower.replace(/tre$/, 'ter'),
		lower.replace(/ogue$/, 'og')
	];
	return variants.some((v) => v !== lower && known.has(v));
}

// Shaped like a name: "Ngozi", "O'Neill", "McKenzie", "Smith-Jones"; not "JavaScript" or
// "WhatsApp", whose capitals inside say they are products.
const nameShaped = /^(?:Mc|Mac|O['’]|D['’])?\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*$/u;

/** Which words are unknown, which are names already, and how to make one a name. */
function marks(s: Scan) {
	const { words, lists } = s;
	const unknown = words.map(
		(w) =>
			capitalised(w) &&
			nameShaped.test(w.text) &&
			!lists.stop.has(w.lower) &&
			!isKnown(w.lower, lists)
	);
	const named = words.map(() => false);
	const index = new Map(words.map((w, i) => [w.start, i]));
	for (const c of s.found)
		for (let i = index.get(c.start); i !== undefined && words[i]?.end <= c.end; i++)
			named[i] = true;
	const add = (i: number) => {
		named[i] = true;
		s.add(words[i], words[i], 'unknown');
	};
	return { unknown, named, add };
}
type Marks = ReturnType<typeof marks>;

/** "Ngozi said", "Ngozi's mum", "with Ngozi": an unknown word where a person's name would be. */
function cuedNames(s: Scan, { unknown, named, add }: Marks) {
	const { words, lists, text } = s;
	const spaced = (a: Word, b: Word | undefined): b is Word =>
		!!b && s.spaces.test(text.slice(a.end, b.start));
	for (let i = 0; i < words.length; i++) {
		if (!unknown[i] || named[i]) continue;
		const [word, next, previous] = [words[i], words[i + 1], words[i - 1]];
		if (s.joined(word, next) && lists.personAfter.has(next.lower)) add(i);
		else if (word.possessive && next && lists.cues.has(next.lower)) add(i);
		else if (
			previous &&
			!word.sentenceStart &&
			!previous.possessive &&
			spaced(previous, word) &&
			lists.personBefore.has(previous.lower) &&
			!(s.joined(word, next) && capitalised(next))
		)
			add(i);
	}
}

/** Names in a list, found from either end until no more are: "Kai, Amara and Ngozi". */
function listedNames(s: Scan, { unknown, named, add }: Marks) {
	const { words } = s;
	const conjunction = (w: Word | undefined) => w?.lower === 'and' || w?.lower === 'or';
	const comma = /^[ \t]*[,&][ \t]*$/;
	const beside = (i: number, j: number, between: number) => {
		if (j < 0 || j >= words.length || !named[j]) return false;
		const [a, b] = i < j ? [i, j] : [j, i];
		if (between === a) return comma.test(s.gap(words[a], words[b]));
		const word = words[between];
		return (
			conjunction(word) &&
			/^[ \t]*,?[ \t]+$/.test(s.gap(words[a], word)) &&
			s.spaces.test(s.gap(word, words[b]))
		);
	};
	for (let changed = true; changed;) {
		changed = false;
		for (let i = 0; i < words.length; i++) {
			if (!unknown[i] || named[i]) continue;
			const listed =
				beside(i, i + 1, i) ||
				beside(i, i - 1, i - 1) ||
				beside(i, i + 2, i + 1) ||
				beside(i, i - 2, i - 1);
			if (listed) {
				add(i);
				changed = true;
			}
		}
	}
}

/** Rule 4: adds to the scan's names the unknown words that stand where a name would. */
export function unknownNames(s: Scan) {
	const marked = marks(s);
	cuedNames(s, marked);
	listedNames(s, marked);
}
