// Near-duplicate CPD records, found by a measure a person can check by hand: the share of
// three-word phrases two texts have in common (the Jaccard index of their word shingles).
// Rewording a record changes most of its phrases; copying it and changing a word or two does not.

/** Three words in a row make a phrase: "home visit with", "visit with a", … */
export const phraseLength = 3;
/** Records sharing at least half of all the phrases either uses are near-duplicates. */
export const nearDuplicateShare = 0.5;

const wordsOf = (text: string) =>
	text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[’']/g, '')
		.match(/[a-z0-9]+/g) ?? [];

/** A text's phrases, each once; none for a text shorter than a phrase. */
export function phrasesOf(text: string): Set<string> {
	const words = wordsOf(text);
	const phrases = new Set<string>();
	for (let i = 0; i + phraseLength <= words.length; i++)
		phrases.add(words.slice(i, i + phraseLength).join(' '));
	return phrases;
}

/** The share of phrases two texts have in common, of all the phrases either uses: 0 to 1. */
export function similarity(a: Set<string>, b: Set<string>) {
	if (a.size === 0 || b.size === 0) return 0;
	let shared = 0;
	for (const phrase of a) if (b.has(phrase)) shared++;
	return shared / (a.size + b.size - shared);
}

export interface Comparable {
	id: string;
	text: string;
}

export interface NearDuplicate {
	/** The record it resembles. */
	id: string;
	/** Whether that record is from the year before. */
	earlier: boolean;
	/** The share of phrases in common, as a whole percentage. */
	percent: number;
}

/**
 * For each record, the others it nearly repeats: records of the same year (each of a pair names
 * the other) and records of the year before.
 */
export function nearDuplicates(records: Comparable[], earlier: Comparable[] = []) {
	const phrases = new Map([...records, ...earlier].map((r) => [r.id, phrasesOf(r.text)]));
	const found = new Map<string, NearDuplicate[]>(records.map((r) => [r.id, []]));
	const compare = (a: Comparable, b: Comparable, isEarlier: boolean) => {
		const share = similarity(phrases.get(a.id)!, phrases.get(b.id)!);
		if (share < nearDuplicateShare) return;
		const percent = Math.round(share * 100);
		found.get(a.id)!.push({ id: b.id, earlier: isEarlier, percent });
		if (!isEarlier) found.get(b.id)!.push({ id: a.id, earlier: false, percent });
	};
	records.forEach((a, i) => {
		for (const b of records.slice(i + 1)) compare(a, b, false);
		for (const b of earlier) compare(a, b, true);
	});
	return found;
}
