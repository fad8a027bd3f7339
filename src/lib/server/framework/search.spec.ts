import { describe, expect, it } from 'vitest';
import { checkContent } from '../content/check.ts';
import { parseQuery, searchFramework, type Segment } from './search.ts';

const pqs = checkContent().frameworks.find((f) => f.version.id === 'pqs-2025')!;
const ids = (query: string) =>
	searchFramework(pqs, query).outcomes.flatMap((o) => o.statements.map((s) => s.id));
const marked = (segments: Segment[]) => segments.filter((s) => s.match).map((s) => s.text);

describe('searchFramework', () => {
	it('finds the start of words in any case, grouped by outcome in the standard’s order', () => {
		const result = searchFramework(pqs, 'genogram');
		expect(result.outcomes.map((o) => o.id)).toEqual(['2.5', '3.2']);
		expect(ids('genogram')).toEqual(['2.5 K2', '3.2 K9', '3.2 D6']);
		expect(marked(result.outcomes[0].statements[0].text)).toEqual(['genogram']);
	});

	it('finds SEND and fathers', () => {
		expect(ids('SEND')).toEqual(['1.3 K2', '1.3 D3', '1.3 D7']);
		expect(ids('fathers')).toEqual(['2.4 K6', '2.4 K7', '2.4 D3', '3.1 D2', '4.1 D8']);
	});

	it('needs every word, and treats a quoted phrase as one term', () => {
		expect(ids('fathers partners')).toEqual(['2.4 K7', '2.4 D3', '3.1 D2']);
		expect(ids('"life story work"')).toEqual(['2.3 D9']);
		expect(ids('"work life story"')).toEqual([]);
	});

	it('searches sub-items and ids, and matches outcome titles', () => {
		expect(ids('homelessness')).toEqual(['1.3 K1']);
		expect(ids('2.3 K4')).toEqual(['2.3 K4']);
		const titles = searchFramework(pqs, 'quality assurance').outcomes.filter((o) => o.titleMatched);
		expect(titles.map((o) => o.id)).toEqual(['6.3']);
	});

	it('returns nothing for an empty query and copes with regular-expression characters', () => {
		expect(searchFramework(pqs, '   ').outcomes).toEqual([]);
		expect(searchFramework(pqs, '(.*').outcomes).toEqual([]);
		expect(parseQuery('  SEND  send "a b" ')).toEqual(['send', 'a b']);
	});
});
