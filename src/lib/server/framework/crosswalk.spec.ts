import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../content/files.ts';
import { mappingIn, sourcesOf, translator } from './crosswalk.ts';
import { loadFrameworks } from './load.ts';

const tiny = () => readContentFiles(new URL('./fixtures/tiny', import.meta.url).pathname);
const file = 'frameworks/crosswalks/alpha--beta.md';
const withMappings = (lines: string) => ({
	...tiny(),
	[file]: `---\nfrom: alpha\nto: beta\n---\n\n${lines}\n`
});

describe('crosswalks between framework versions', () => {
	it('maps outcomes and statements in one version to ids in another', () => {
		const [crosswalk] = loadFrameworks(tiny()).crosswalks;
		expect(crosswalk).toMatchObject({ from: 'alpha', to: 'beta', title: 'Alpha to Beta', file });
		expect(Object.fromEntries(crosswalk.map)).toEqual({
			'1.1': ['1.1', '1.2'],
			'1.1 K1': ['1.1 K1'],
			'1.1 K2': ['1.2 K1'],
			'1.1 D1': ['1.2 D2']
		});
	});

	it('rejects an id that is not in the source version', () => {
		expect(() => loadFrameworks(withMappings('- 1.1 K9 → 1.1 K1'))).toThrow(
			`content/${file}:6: "1.1 K9" is not an id in alpha`
		);
	});

	it('rejects an id that is not in the target version', () => {
		expect(() => loadFrameworks(withMappings('- 1.1 K1 → 1.1 K1, 1.9 K1'))).toThrow(
			`content/${file}:6: "1.9 K1" is not an id in beta`
		);
	});

	it('rejects a statement mapped twice, an unknown version and a malformed line', () => {
		expect(() => loadFrameworks(withMappings('- 1.1 K1 → 1.1 K1\n- 1.1 K1 → 1.2 K1'))).toThrow(
			`content/${file}:7: "1.1 K1" is mapped twice`
		);
		expect(() =>
			loadFrameworks({ ...tiny(), [file]: '---\nfrom: alpha\nto: gamma\n---\n' })
		).toThrow(`content/${file}: unknown framework version "gamma"`);
		expect(() => loadFrameworks(withMappings('1.1 K1 = 1.1 K1'))).toThrow(
			`content/${file}:6: expected "- <id> → <id>, <id>"`
		);
	});
});

describe('reading a mapping in another version through a crosswalk', () => {
	const library = () => loadFrameworks(tiny());

	it('reads ids forwards through the crosswalk, and backwards through its inverse', () => {
		const { crosswalks } = library();
		const inBeta = translator(crosswalks, 'beta');
		expect(inBeta('alpha', '1.1')).toEqual(['1.1', '1.2']);
		expect(inBeta('alpha', '1.1 K2')).toEqual(['1.2 K1']);
		expect(inBeta('beta', '1.2 D1')).toEqual(['1.2 D1']);
		const inAlpha = translator(crosswalks, 'alpha');
		expect(inAlpha('beta', '1.2')).toEqual(['1.1']);
		expect(inAlpha('beta', '1.2 D2')).toEqual(['1.1 D1']);
		// Nothing in alpha maps to it, and there is no crosswalk from a version unknown.
		expect(inAlpha('beta', '1.2 D1')).toEqual([]);
		expect(inAlpha('gamma', '1.1')).toEqual([]);
	});

	it('gives a record the outcomes of the statements a crosswalk maps, across versions only', () => {
		const { crosswalks } = library();
		const mapped = [
			{ version: 'alpha', ids: ['1.1 K2'] },
			{ version: 'beta', ids: ['1.1 D1'] }
		];
		const read = mappingIn(crosswalks, 'beta', mapped);
		expect([...read.outcomes].sort()).toEqual(['1.2']);
		expect([...read.statements].sort()).toEqual(['1.1 D1', '1.2 K1']);
	});

	it('finds every id, version by version, that reads as an outcome', () => {
		expect(sourcesOf(library(), 'beta', '1.2')).toEqual([
			{ version: 'alpha', ids: ['1.1', '1.1 K2', '1.1 D1'] },
			{ version: 'beta', ids: ['1.2', '1.2 K1', '1.2 D1', '1.2 D2'] }
		]);
		expect(sourcesOf(library(), 'alpha', '1.9')).toEqual([]);
	});
});
