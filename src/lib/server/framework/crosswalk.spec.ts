import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../content/files.ts';
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
