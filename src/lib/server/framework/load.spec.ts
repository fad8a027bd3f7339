import { describe, expect, it } from 'vitest';
import { readContentFiles, type ContentFiles } from '../content/files.ts';
import { loadFrameworks } from './load.ts';
import { outcomesOf, statementsOf } from './query.ts';

const tiny = () => readContentFiles(new URL('./fixtures/tiny', import.meta.url).pathname);

/** The tiny fixture with one file replaced (or removed, with `undefined`). */
function withFile(path: string, source: string | undefined): ContentFiles {
	const files = tiny();
	if (source === undefined) delete files[path];
	else files[path] = source;
	return files;
}

const outcomeFile = 'frameworks/beta/1-practice/1.2.md';
const outcome = (body: string) => `---\nid: "1.2"\ntitle: Works with fathers\n---\n\n${body}`;

describe('loadFrameworks on a small fixture', () => {
	it('reads versions, domains, outcomes, statements and sub-items', () => {
		const { frameworks, current } = loadFrameworks(tiny());
		expect(frameworks.map((f) => f.version.id)).toEqual(['alpha', 'beta']);
		expect(current.version.id).toBe('beta');
		const alpha = frameworks[0];
		expect(outcomesOf(alpha).map((o) => o.id)).toEqual(['1.1']);
		expect(statementsOf(alpha)[1]).toEqual({
			id: '1.1 K2',
			kind: 'knows',
			text: 'some situations bring complexity, such as:',
			items: [
				{ label: 'a', text: 'language and interpretation' },
				{ label: 'b', text: 'working with multiple systems' }
			]
		});
		expect(alpha.introduction).toBe('The older version.');
	});

	it('lets FRAMEWORK_VERSION choose another current version, and rejects an unknown one', () => {
		expect(loadFrameworks(tiny(), 'alpha').current.version.id).toBe('alpha');
		expect(() => loadFrameworks(tiny(), 'gamma')).toThrow(
			/FRAMEWORK_VERSION="gamma" is not one of: alpha, beta/
		);
	});

	it('needs exactly one current version', () => {
		const files = tiny();
		files['frameworks/alpha/index.md'] = files['frameworks/alpha/index.md'].replace(
			'status: superseded',
			'status: superseded\ncurrent: true'
		);
		expect(() => loadFrameworks(files)).toThrow(
			/exactly one version's index.md must say "current: true" \(found 2\)/
		);
	});
});

describe('loadFrameworks rejects bad content with a message naming the file', () => {
	it('a missing statement', () => {
		const files = withFile(
			outcomeFile,
			outcome('## Knows\n\n- **1.2 K1** a\n\n## Does\n\n- **1.2 D2** b\n')
		);
		expect(() => loadFrameworks(files)).toThrow(
			`content/${outcomeFile}: missing statement "1.2 D1" (found "1.2 D2" in its place)`
		);
	});

	it('a duplicate statement id', () => {
		const body = '## Knows\n\n- **1.2 K1** a\n\n## Does\n\n- **1.2 D1** b\n- **1.2 D1** c\n';
		expect(() => loadFrameworks(withFile(outcomeFile, outcome(body)))).toThrow(
			`content/${outcomeFile}: duplicate statement id "1.2 D1"`
		);
	});

	it('a malformed statement id, with its line number', () => {
		const body = '## Knows\n\n- **1.2 K1** a\n\n## Does\n\n- **1.2D1** b\n';
		expect(() => loadFrameworks(withFile(outcomeFile, outcome(body)))).toThrow(
			`content/${outcomeFile}:12: malformed statement id "1.2D1"; expected e.g. "1.2 K1"`
		);
	});

	it('a statement filed under the wrong outcome or the wrong list', () => {
		const wrongOutcome = '## Knows\n\n- **1.3 K1** a\n';
		expect(() => loadFrameworks(withFile(outcomeFile, outcome(wrongOutcome)))).toThrow(
			/1\.2\.md:8: statement id "1.3 K1" does not belong to outcome 1.2/
		);
		const wrongList = '## Knows\n\n- **1.2 D1** a\n';
		expect(() => loadFrameworks(withFile(outcomeFile, outcome(wrongList)))).toThrow(
			/1\.2\.md:8: statement "1.2 D1" is under "## Knows"/
		);
	});

	it('a line that is not a statement', () => {
		const body = '## Knows\n\n- **1.2 K1** a\nstray words\n';
		expect(() => loadFrameworks(withFile(outcomeFile, outcome(body)))).toThrow(
			`content/${outcomeFile}:9: cannot read this line`
		);
	});

	it('a malformed file: no frontmatter, bad YAML, or a missing title', () => {
		expect(() => loadFrameworks(withFile(outcomeFile, '## Knows\n'))).toThrow(
			`content/${outcomeFile}: missing the frontmatter block`
		);
		expect(() => loadFrameworks(withFile(outcomeFile, '---\nid: [1.2\n---\n'))).toThrow(
			`content/${outcomeFile}: the frontmatter is not valid YAML`
		);
		expect(() => loadFrameworks(withFile(outcomeFile, '---\nid: "1.2"\n---\n'))).toThrow(
			`content/${outcomeFile}: invalid frontmatter (title:`
		);
	});

	it('a duplicate outcome id in another file', () => {
		const files = withFile('frameworks/beta/1-practice/1.3.md', tiny()[outcomeFile]);
		expect(() => loadFrameworks(files)).toThrow(
			'content/frameworks/beta/1-practice/1.3.md: outcome id "1.2" must match the file name'
		);
	});

	it('a missing version index', () => {
		expect(() => loadFrameworks(withFile('frameworks/alpha/index.md', undefined))).toThrow(
			'content/frameworks/alpha/index.md: missing: each version needs an index.md'
		);
	});
});
