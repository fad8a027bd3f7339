import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { settle } from './layout';
import { ownServer } from './own-server';
import { demoAccounts, signIn, submit } from './session';

// Files too large to upload: where JavaScript runs, the form says so before sending anything,
// and everything typed stays; without it, the server's answer is a page explaining the limits.

const megabyte = 1024 * 1024;
const account = 'We met at the family centre and used the three houses with the child (A).';

async function fillRecord(page: Page, title: string) {
	await page.goto('/portfolio/new');
	// The check before sending is the page's script: a click before it has started would send.
	await settle(page);
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Day').fill('2');
	await page.getByLabel('Month').fill('11');
	await page.getByLabel('Year').fill('2025');
	await page.getByLabel('Type of evidence').selectOption({ label: 'Reflective account' });
	await page.getByLabel('Account of the activity').fill(account);
}

async function expectTyped(page: Page, title: string) {
	await expect(page.getByLabel('Title')).toHaveValue(title);
	await expect(page.getByLabel('Account of the activity')).toHaveValue(account);
	await expect(page.getByLabel('Type of evidence')).toHaveValue('reflective-account');
}

/** Text files of the given sizes, which pass the server's own checks on what a file is. */
const textFiles = (...sizes: number[]) =>
	sizes.map((size, i) => ({
		name: `notes-${i + 1}.txt`,
		mimeType: 'text/plain',
		buffer: Buffer.alloc(size, 'a')
	}));

/**
 * Every form post the page sends, to show that a refused upload sent none. (The anonymity check
 * of what is typed posts the text alone, to the API, as the person types.)
 */
function posts(page: Page) {
	const sent: string[] = [];
	page.on(
		'request',
		(r) => r.method() === 'POST' && !r.url().includes('/api/v1/anonymity/') && sent.push(r.url())
	);
	return sent;
}

test('a file over 10 MB is refused before it is sent, keeping the text', async ({ page }) => {
	await signIn(page, demoAccounts.practitioner);
	await fillRecord(page, 'A file too large');
	const sent = posts(page);
	await page
		.getByLabel('Attach files (optional)')
		.setInputFiles([...textFiles(1000), { ...textFiles(11 * megabyte)[0], name: 'scan.txt' }]);
	await page.getByRole('button', { name: 'Save draft' }).click();

	const summary = page.locator('.govuk-error-summary');
	await expect(summary).toContainText(
		'“scan.txt” is 11 MB: files must be 10 MB or smaller. Choose a smaller file.'
	);
	await expect(summary).toBeFocused();
	await expect(page.locator('#files-error')).toContainText('“scan.txt” is 11 MB');
	await expect(page).toHaveTitle(/^Error: /);
	expect(sent).toEqual([]);
	await expectTyped(page, 'A file too large');
	await expectNoAxeViolations(page);

	await page.getByLabel('Attach files (optional)').setInputFiles(textFiles(1000));
	await submit(page, 'Save draft');
	await expect(page.getByText('Draft saved.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'notes-1.txt' })).toBeVisible();

	// The same on the saved record's own page.
	await page.getByLabel('Title').fill('A file too large, changed');
	const sentLater = posts(page);
	await page
		.getByLabel('Attach files (optional)')
		.setInputFiles({ ...textFiles(11 * megabyte)[0], name: 'scan.txt' });
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.locator('.govuk-error-summary')).toContainText('“scan.txt” is 11 MB');
	expect(sentLater).toEqual([]);
	await expect(page.getByLabel('Title')).toHaveValue('A file too large, changed');
	await expect(page.getByLabel('Account of the activity')).toHaveValue(account);
});

test.describe('on a server that reads at most 1 MB at a time', () => {
	test.describe.configure({ mode: 'serial' });
	const server = ownServer('uploads', 2000, { BODY_SIZE_LIMIT: '1M' });
	test.beforeAll(async () => {
		server.reset();
		await server.start();
	});
	test.afterAll(() => server.stop());

	const open = (browser: Browser, javaScriptEnabled: boolean) =>
		browser.newContext({
			baseURL: server.url,
			javaScriptEnabled,
			extraHTTPHeaders: { 'x-forwarded-for': '10.0.0.3' }
		});

	test('files together over the limit are refused before they are sent', async ({ browser }) => {
		const page = await (await open(browser, true)).newPage();
		await signIn(page, demoAccounts.practitioner);
		await fillRecord(page, 'Two files too many');
		const sent = posts(page);
		await page
			.getByLabel('Attach files (optional)')
			.setInputFiles(textFiles(600 * 1024, 600 * 1024));
		await page.getByRole('button', { name: 'Save draft' }).click();
		await expect(page.locator('.govuk-error-summary')).toContainText(
			/The selected files and your text come to 1\.2 MB: you can send up to 1 MB at a time\. Attach fewer files, save, then add the rest\./
		);
		expect(sent).toEqual([]);
		await expectTyped(page, 'Two files too many');
	});

	test('without JavaScript, the answer says what the limits are and how to get back', async ({
		browser
	}) => {
		const page = await (await open(browser, false)).newPage();
		await signIn(page, demoAccounts.practitioner);
		await fillRecord(page, 'Sent without JavaScript');
		await page.getByLabel('Attach files (optional)').setInputFiles(textFiles(2 * megabyte));
		const [answer] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.getByRole('button', { name: 'Save draft' }).click()
		]);
		expect(answer.status()).toBe(413);
		await expect(page).toHaveTitle('Your files were too large to upload – Golden Thread');
		const main = page.getByRole('main');
		await expect(main.getByRole('heading', { level: 1 })).toHaveText(
			'Your files were too large to upload'
		);
		await expect(main).toContainText(
			'Nothing was saved: the files were too large to upload. Each file can be up to 10 MB, and everything sent at once, your text included, up to 1 MB.'
		);
		await expect(main).toContainText('Use your browser’s back button to return to the form.');
		await page.goBack();
		await expectTyped(page, 'Sent without JavaScript');
	});

	test('the page about files too large has no accessibility problems', async ({ browser }) => {
		const page = await (await open(browser, true)).newPage();
		await signIn(page, demoAccounts.practitioner);
		await fillRecord(page, 'Sent past the check');
		await page.getByLabel('Attach files (optional)').setInputFiles(textFiles(2 * megabyte));
		// A plain submit, as a browser without JavaScript sends it, past the form's own check.
		await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page
				.locator('form[enctype="multipart/form-data"]')
				.evaluate((f: HTMLFormElement) => f.submit())
		]);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Your files were too large to upload'
		);
		await expectNoAxeViolations(page);
	});
});
