import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';

// axe-core itself, run in the page. Not through @axe-core/playwright: in the mode that scans the
// page itself, it evaluates axe's 570 KB script twice a scan (once to check for `runPartial`,
// again to inject it into each frame), and its other mode opens a blank page a scan to gather
// each frame's results; either cost about as much as the scan. Here the script is evaluated
// once a document, and a second scan of the same document reuses it. The app has no frames.

const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Fails the test on any WCAG 2.2 AA violation that axe finds on the page as it stands. */
export async function expectNoAxeViolations(page: Page) {
	// Scan the page at rest. A focused GOV.UK link swaps its underline for a yellow highlight
	// and a thick box-shadow underline, which axe's link-in-text-block check does not recognise,
	// so whichever link happened to hold focus would be reported.
	const loaded = await page.evaluate(() => {
		(document.activeElement as HTMLElement | null)?.blur();
		return 'axe' in window;
	});
	if (!loaded) await page.evaluate(axeSource);
	const violations = await page.evaluate(async (values) => {
		const { axe } = window as unknown as {
			axe: { run(context: Document, options: object): Promise<AxeResults> };
		};
		// Passing rules are not listed in full: only violations are wanted.
		const options = { runOnly: { type: 'tag' as const, values }, resultTypes: ['violations'] };
		const results = await axe.run(document, options);
		return results.violations.map((v) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			targets: v.nodes.map((n) => n.target.join(' '))
		}));
	}, tags);
	expect(violations).toEqual([]);
}
