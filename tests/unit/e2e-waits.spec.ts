import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { sourceFiles } from './code-size';

// Playwright's waitForFunction asks its function again at each frame until the answer is true,
// and takes a promise as true whatever it comes to: given an async function it waits for nothing.
// The browser tests' `settle` did so, and a test that scanned a page for faults it had just added
// found them gone, the page's script having started after it. Wait on what is there instead.

test('no browser test waits on an async function with waitForFunction', () => {
	const waits = sourceFiles('tests/e2e').flatMap((path) =>
		[...readFileSync(path, 'utf8').matchAll(/waitForFunction\(\s*async\b/g)].map(
			(match) => `${path}: ${match[0]}`
		)
	);
	expect(waits).toEqual([]);
});
