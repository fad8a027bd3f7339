import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { anchorsIn, brokenLinks, isRelative, linksIn, slug } from './markdown-links';

// The README and every file in docs/ link to each other and to the code: a link that goes
// nowhere is a defect, found here rather than by a reader.

const docs = readdirSync('docs')
	.filter((name) => name.endsWith('.md'))
	.map((name) => `docs/${name}`);
const manual = ['README.md', ...docs];

describe('the README and docs/', () => {
	test('have no dead relative link or anchor', () => {
		expect(brokenLinks('.', manual)).toEqual([]);
	});

	test('are checked at all: they hold relative links, some with anchors', () => {
		const relative = manual.flatMap((file) =>
			linksIn(readFileSync(file, 'utf8')).filter((link) => isRelative(link.target))
		);
		expect(docs.length).toBeGreaterThanOrEqual(8);
		expect(relative.length).toBeGreaterThan(20);
		expect(relative.some((link) => link.target.includes('.md#'))).toBe(true);
	});

	test('the README links to every file in docs/', () => {
		const targets = linksIn(readFileSync('README.md', 'utf8')).map((l) => l.target.split('#')[0]);
		expect(docs.filter((file) => !targets.includes(file))).toEqual([]);
	});
});

describe('finding links', () => {
	test('inline links, images, reference definitions and HTML, each with its line', () => {
		const markdown = [
			'See [the API](docs/api.md) and ![a chart](images/chart.png "Grades").',
			'[ref]: docs/content.md#programmes',
			'<img src="images/home.png" alt=""> and <a href="deploying.md">deploying</a>',
			'[a `code` label](<docs/with space.md>)'
		].join('\n');
		expect(linksIn(markdown)).toEqual([
			{ target: 'docs/api.md', line: 1 },
			{ target: 'images/chart.png', line: 1 },
			{ target: 'docs/content.md#programmes', line: 2 },
			{ target: 'images/home.png', line: 3 },
			{ target: 'deploying.md', line: 3 },
			{ target: 'docs/with space.md', line: 4 }
		]);
	});

	test('nothing inside fenced code, code spans or comments', () => {
		const markdown = [
			'```markdown',
			'[in a fence](nowhere.md)',
			'```',
			'  ~~~',
			'  [in an indented fence](nowhere.md)',
			'  ~~~',
			'`[in a code span](nowhere.md)` <!-- [in a comment](nowhere.md) -->',
			'[after them](somewhere.md)'
		].join('\n');
		expect(linksIn(markdown)).toEqual([{ target: 'somewhere.md', line: 8 }]);
	});

	test('web addresses and email links are not relative; paths and anchors are', () => {
		expect(['https://svelte.dev', 'mailto:a@b.test', '//cdn.test/x.js'].map(isRelative)).toEqual([
			false,
			false,
			false
		]);
		expect(['api.md', '../.ci/run', '#status-codes', '/docs/api.md'].map(isRelative)).toEqual([
			true,
			true,
			true,
			true
		]);
	});
});

describe("anchors follow GitHub's rules", () => {
	test.each([
		['Status codes', 'status-codes'],
		['Sign-in limits', 'sign-in-limits'],
		["The workforce view's CPD page?", 'the-workforce-views-cpd-page'],
		['`GET /api/v1/workforce/<view>`', 'get-apiv1workforceview'],
		['The **sign-off** chain', 'the-sign-off-chain'],
		['A [linked](x.md) heading', 'a-linked-heading'],
		['Tests and benchmarks', 'tests-and-benchmarks'],
		['src/lib/server/db_time', 'srclibserverdb_time'],
		['Élan & ümlaut', 'élan--ümlaut']
	])('%s → #%s', (heading, anchor) => {
		expect(slug(heading)).toBe(anchor);
	});

	test('a repeated heading gets -1, -2; closing hashes and headings in code are ignored', () => {
		const markdown = ['# Notes', '## Notes', '### Notes ##', '```', '# Not a heading', '```'];
		expect([...anchorsIn(markdown.join('\n'))]).toEqual(['notes', 'notes-1', 'notes-2']);
	});
});

describe('reporting dead links', () => {
	const root = mkdtempSync(join(tmpdir(), 'golden-thread-docs-'));
	afterAll(() => rmSync(root, { recursive: true, force: true }));
	const write = (file: string, text: string) => {
		mkdirSync(dirname(join(root, file)), { recursive: true });
		writeFileSync(join(root, file), text);
	};
	write('docs/api.md', '# The API\n\n## Status codes\n');
	write('src/hooks.server.ts', '');

	test('a missing file, a missing heading, and a path out of the repository', () => {
		write(
			'README.md',
			[
				'[fine](docs/api.md#status-codes) [fine](src/hooks.server.ts) [fine](docs)',
				'[gone](docs/usage.md)',
				'[no such heading](docs/api.md#status)',
				'[outside](../elsewhere/STYLE.md)',
				'![gone too](docs/images/home.png)',
				'[here](#the-readme) [not here](#nowhere)',
				'# The README'
			].join('\n')
		);
		expect(brokenLinks(root, ['README.md'])).toEqual([
			{
				file: 'README.md',
				line: 2,
				target: 'docs/usage.md',
				problem: 'docs/usage.md does not exist'
			},
			{
				file: 'README.md',
				line: 3,
				target: 'docs/api.md#status',
				problem: 'docs/api.md has no heading with the anchor #status'
			},
			{
				file: 'README.md',
				line: 4,
				target: '../elsewhere/STYLE.md',
				problem: 'points outside the repository'
			},
			{
				file: 'README.md',
				line: 5,
				target: 'docs/images/home.png',
				problem: 'docs/images/home.png does not exist'
			},
			{
				file: 'README.md',
				line: 6,
				target: '#nowhere',
				problem: 'README.md has no heading with the anchor #nowhere'
			}
		]);
	});

	test('links are resolved from the file that holds them, or from the root with "/"', () => {
		write('docs/using.md', '[api](api.md#the-api) [readme](../README.md) [api](/docs/api.md)\n');
		expect(brokenLinks(root, ['docs/using.md'])).toEqual([]);
		write('docs/using.md', '[api](docs/api.md)\n');
		expect(brokenLinks(root, ['docs/using.md'])).toEqual([
			{
				file: 'docs/using.md',
				line: 1,
				target: 'docs/api.md',
				problem: 'docs/docs/api.md does not exist'
			}
		]);
	});
});
