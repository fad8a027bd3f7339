import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Fails the test on any WCAG 2.2 AA violation that axe finds on the page as it stands. */
export async function expectNoAxeViolations(page: Page) {
	// Scan the page at rest. A focused GOV.UK link swaps its underline for a yellow highlight
	// and a thick box-shadow underline, which axe's link-in-text-block check does not recognise,
	// so whichever link happened to hold focus would be reported.
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	const summary = results.violations.map((v) => ({
		id: v.id,
		impact: v.impact,
		help: v.help,
		targets: v.nodes.map((n) => n.target.join(' '))
	}));
	expect(summary).toEqual([]);
}
