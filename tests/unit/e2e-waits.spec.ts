import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

// Playwright's waitForFunction asks its function again at each frame until the answer is true,
// and takes a promise as true whatever it comes to: given an async function it waits for nothing.
// The browser tests' `settle` did so, and a test that scanned a page for faults it had just added
// found them gone, the page's script having started after it. Wait on what is there instead.

const files = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]
	);

test('no browser test waits on an async function with waitForFunction', () => {
	const waits = files('tests/e2e')
		.filter((path) => path.endsWith('.ts'))
		.flatMap((path) =>
			[...readFileSync(path, 'utf8').matchAll(/waitForFunction\(\s*async\b/g)].map(
				(match) => `${path}: ${match[0]}`
			)
		);
	expect(waits).toEqual([]);
});
