import { fold, holds, type NameWords } from './anonymity-words.ts';

// A text's words, as the name rules (anonymity-names.ts) see them: capitalised or not, at the
// start of a sentence or not, possessive or not, and how they join up into a name.

export interface Word {
	/** Without a possessive "'s". */
	text: string;
	lower: string;
	start: number;
	end: number;
	possessive: boolean;
	sentenceStart: boolean;
}

/** How a name was found: by a title, after a cue, as a given name, or as an unknown word. */
export type NameRule = 'title' | 'cue' | 'given' | 'unknown';

export interface NameCandidate {
	kind: 'name';
	start: number;
	end: number;
	via: NameRule;
}

// A capital then a small letter: "Jane", "McDonald", "O'Brien", "Schön"; not "ASYE" or "A".
export const capitalised = (w: Word) => /^\p{Lu}(?:['’]\p{Lu})?\p{Ll}/u.test(w.text);
export const isInitial = (w: Word) => /^\p{Lu}$/u.test(w.text);
/** Whether the set holds the word or, for "Lily-Mae", one of its parts. */
export const hasName = (set: Set<string>, w: Word) =>
	holds(set, w.lower) || (w.lower.includes('-') && w.lower.split('-').some((p) => holds(set, p)));
export const firstPartIn = (set: Set<string>, w: Word) => holds(set, w.lower.split('-')[0]);

function tokenise(text: string, file: boolean): Word[] {
	// File names run words together ("JaneSmith", "Jane_Smith"), so capitals split them too.
	const pattern = file
		? /\p{Lu}?[\p{Ll}\p{M}]+|\p{Lu}+(?!\p{Ll})/gu
		: /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
	const words: Word[] = [];
	for (const m of text.matchAll(pattern)) {
		let value = m[0];
		const possessive = !file && value.length > 2 && /['’]s$/.test(value);
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

function startsSentence(text: string, index: number) {
	let i = index - 1;
	while (i >= 0 && /[ \t\u00a0"'“‘([]/.test(text[i])) i--;
	if (i < 0) return true;
	if (/[\r\n.!?:;•*]/.test(text[i])) return true;
	if (!/[-–—]/.test(text[i])) return false;
	// A dash at the start of a line is a bullet. (Only this line is searched, not the whole text.)
	return /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', i) + 1, i));
}

/** One text's words, with what the rules ask about them, and the names found so far. */
export function scan(text: string, file: boolean, lists: NameWords) {
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
		nameLike(w) && (!lists.places.has(w.lower) || holds(lists.surnames, w.lower));
	const found: NameCandidate[] = [];
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
		add: (from: Word, to: Word, via: NameRule) =>
			found.push({ kind: 'name', start: from.start, end: to.end, via }),
		/** The last of up to `max` name-like words joined on from `words[i]`. */
		surnameRun(i: number, max: number) {
			let last = i;
			while (last - i < max && joined(words[last], words[last + 1]) && surnameLike(words[last + 1]))
				last++;
			return last;
		}
	};
}
export type Scan = ReturnType<typeof scan>;
