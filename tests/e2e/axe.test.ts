import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { settle } from './layout';

// The accessibility check every browser test leans on finds a fault when there is one: a page
// given an image without a text alternative and a field without a label fails it, naming both,
// and the page as served passes.
test('the accessibility check fails a page with faults, naming them', async ({ page }) => {
	await page.goto('/sign-in');
	// Once the app has hydrated the page, which would otherwise put back its own markup over
	// what the test adds (a run on a busy machine found no fault, the faults gone).
	await settle(page);
	await expectNoAxeViolations(page);
	await page.evaluate(() => {
		const main = document.querySelector('main')!;
		main.insertAdjacentHTML('beforeend', '<img src="/favicon.svg"><input type="text">');
	});
	const failure = await expectNoAxeViolations(page).then(
		() => '',
		(error: Error) => error.message
	);
	expect(failure).toContain('image-alt');
	expect(failure).toContain('label');
});
