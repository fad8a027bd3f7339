import { outcomesOf } from './query.ts';
import type { Framework, StatementKind } from './schema.ts';

/** A piece of text, marked where it matched the query, for safe highlighting. */
export interface Segment {
	text: string;
	match: boolean;
}

export interface StatementHit {
	id: string;
	kind: StatementKind;
	text: Segment[];
	items: { label: string; text: Segment[] }[];
}

export interface OutcomeHit {
	id: string;
	title: Segment[];
	/** True when the outcome's title itself matched every term. */
	titleMatched: boolean;
	statements: StatementHit[];
}

export interface SearchResult {
	terms: string[];
	outcomes: OutcomeHit[];
	statementCount: number;
}

const maxTerms = 8;
const maxQueryLength = 200;

/** Words, or "quoted phrases", from what the person typed. */
export function parseQuery(query: string): string[] {
	const terms = [...query.slice(0, maxQueryLength).matchAll(/"([^"]+)"|(\S+)/g)]
		.map((match) => (match[1] ?? match[2]).trim().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
		.filter((term) => term.length > 0);
	return [...new Set(terms.map((term) => term.toLowerCase()))].slice(0, maxTerms);
}

/** Escapes a term for a pattern, letting a space or a hyphen match either ("life story" finds "life-story"). */
const escape = (term: string) =>
	term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]+');

/** Each term matches at the start of a word ("genogram" finds "genograms"), in any case. */
function patternFor(terms: string[], flags: string) {
	return new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escape).join('|')})`, flags);
}

function segments(text: string, pattern: RegExp): Segment[] {
	const result: Segment[] = [];
	let last = 0;
	for (const match of text.matchAll(pattern)) {
		if (match.index > last) result.push({ text: text.slice(last, match.index), match: false });
		result.push({ text: match[0], match: true });
		last = match.index + match[0].length;
	}
	if (last < text.length) result.push({ text: text.slice(last), match: false });
	return result;
}

/**
 * Full-text search over outcome titles and statements (with their sub-items and ids).
 * A statement matches when it contains every term; results keep the standard's order.
 */
export function searchFramework(framework: Framework, query: string): SearchResult {
	const terms = parseQuery(query);
	if (terms.length === 0) return { terms, outcomes: [], statementCount: 0 };
	const pattern = patternFor(terms, 'giu');
	const each = terms.map((term) => patternFor([term], 'iu'));
	const containsAll = (text: string) => each.every((term) => term.test(text));
	const outcomes: OutcomeHit[] = [];
	let statementCount = 0;
	for (const outcome of outcomesOf(framework)) {
		const titleMatched = containsAll(`${outcome.id} ${outcome.title}`);
		const statements = outcome.statements
			.filter((s) => containsAll([s.id, s.text, ...s.items.map((i) => i.text)].join(' ')))
			.map((s) => ({
				id: s.id,
				kind: s.kind,
				text: segments(s.text, pattern),
				items: s.items.map((item) => ({ label: item.label, text: segments(item.text, pattern) }))
			}));
		if (!titleMatched && statements.length === 0) continue;
		statementCount += statements.length;
		outcomes.push({
			id: outcome.id,
			title: segments(outcome.title, pattern),
			titleMatched,
			statements
		});
	}
	return { terms, outcomes, statementCount };
}
