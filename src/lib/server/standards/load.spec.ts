import { describe, expect, it } from 'vitest';
import { checkContent } from '../content/check.ts';
import { readContentFiles } from '../content/files.ts';
import { loadStandardSets } from './load.ts';

const fixture = () =>
	readContentFiles(new URL('../framework/fixtures/tiny', import.meta.url).pathname);

describe('local standards', () => {
	it('reads the sets in content/standards', () => {
		const sets = Object.fromEntries(checkContent().standardSets.map((s) => [s.id, s]));
		expect(sets.gloucestershire.items).toHaveLength(7);
		expect(sets.knowsley.items).toHaveLength(10);
		expect(sets.knowsley.items.every((item) => item.sections.join() === 'Why?,How?')).toBe(true);
		expect(sets['priority-areas'].items).toHaveLength(5);
		expect(sets.starling.items.map((i) => i.title)).toEqual([
			'Standards',
			'Tools',
			'Analysis',
			'Review',
			'Learn',
			'Impact'
		]);
		expect(sets.knowsley.items[0]).toMatchObject({ ref: 'knowsley-1', title: 'Assessments' });
	});

	it('reads an authority’s own set from a file', () => {
		const [tiny] = loadStandardSets(fixture());
		expect(tiny).toMatchObject({
			id: 'tiny',
			kind: 'practice-standards',
			authority: 'Test council'
		});
		expect(tiny.items.map((i) => [i.ref, i.title, i.sections])).toEqual([
			['tiny-1', 'Assessments', ['Why?', 'How?']],
			['tiny-2', 'Plans', []]
		]);
	});

	it('reads a set’s edition, "1" when the frontmatter leaves it out', () => {
		const files = fixture();
		const file = 'standards/tiny.md';
		expect(loadStandardSets(files)[0].version).toBe('1');
		const edition = (line: string) =>
			loadStandardSets({ ...files, [file]: files[file].replace('source: A test', line) })[0]
				.version;
		expect(edition('source: A test\nversion: 2')).toBe('2');
		expect(edition("source: A test\nversion: '2026-04'")).toBe('2026-04');
	});

	it('rejects items out of order and an unknown kind, naming the file', () => {
		const files = fixture();
		const file = 'standards/tiny.md';
		expect(() =>
			loadStandardSets({ ...files, [file]: files[file].replace('## 2. Plans', '## 3. Plans') })
		).toThrow(`content/${file}:21: item 3 is out of order; expected 2`);
		expect(() =>
			loadStandardSets({
				...files,
				[file]: files[file].replace('kind: practice-standards', 'kind: rules')
			})
		).toThrow(`content/${file}: invalid frontmatter (kind:`);
	});
});
