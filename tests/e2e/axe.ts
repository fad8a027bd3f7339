import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Fails the test on any WCAG 2.2 AA violation that axe finds on the page as it stands. */
export async function expectNoAxeViolations(page: Page) {
	// Scan the page at rest. A focused GOV.UK link swaps its underline for a yellow highlight
	// and a thick box-shadow underline, which axe's link-in-text-block check does not recognise,
	// so whichever link happened to hold focus would be reported.
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	// In the page itself ("legacy mode"), not in a blank page opened to gather each frame's
	// results: that page cost about as much as the scan (2.3 s to 1.2 s on the workforce page).
	// The app has no frames from other origins, which only the blank page would scan. Passing
	// rules are not listed in full, and the options come before the tags, which they would reset.
	const results = await new AxeBuilder({ page })
		.options({ resultTypes: ['violations'] })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.setLegacyMode(true)
		.analyze();
	const summary = results.violations.map((v) => ({
		id: v.id,
		impact: v.impact,
		help: v.help,
		targets: v.nodes.map((n) => n.target.join(' '))
	}));
	expect(summary).toEqual([]);
}
