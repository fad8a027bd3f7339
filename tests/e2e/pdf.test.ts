import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Download, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { extractText, getDocumentProxy } from 'unpdf';
import { expectNoAxeViolations } from './axe';
import { overflow } from './layout';
import { ownServer } from './own-server';
import { e2eDatabase } from './server';
import { demoAccounts, signIn } from './session';

// The portfolio and the moderation panel pack as PDFs, downloaded from their pages by the
// built server (whose worker thread renders them) and read back; and, on a server that makes
// every PDF in the background, the page that shows its progress, with and without JavaScript.

/** The text of a downloaded PDF, pages joined, runs of white space as one space. */
async function pdfText(download: Download) {
	const pdf = await getDocumentProxy(new Uint8Array(readFileSync(await download.path())));
	return (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
}

/** Follows a link (or a link styled as a button) that answers with a file, and gives the file. */
async function downloadFrom(page: Page, link: string, role: 'link' | 'button' = 'link') {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole(role, { name: link }).click()
	]);
	return download;
}

/** Priya's id, and her record titles by status, from the database. */
function priyasTitles() {
	const db = new Database(e2eDatabase, { readonly: true });
	const rows = db
		.prepare(
			"select u.id, e.title, e.status from evidence e join users u on u.id = e.owner_id where u.email = 'practitioner@demo.test'"
		)
		.all() as { id: string; title: string; status: string }[];
	db.close();
	const titles = (status: string) => rows.filter((r) => r.status === status).map((r) => r.title);
	return {
		id: rows[0].id,
		accepted: titles('accepted'),
		drafts: titles('draft'),
		all: rows.map((r) => r.title)
	};
}

test('the practitioner downloads her whole portfolio as a PDF', async ({ page }) => {
	const titles = priyasTitles();
	expect(titles.accepted.length).toBeGreaterThan(0);
	expect(titles.drafts.length).toBeGreaterThan(0);
	await signIn(page, demoAccounts.practitioner);
	await page.goto('/portfolio');
	await expectNoAxeViolations(page);
	const download = await downloadFrom(page, 'Download your whole portfolio as a PDF');
	expect(download.suggestedFilename()).toMatch(/^portfolio-priya-shah-\d{4}-\d{2}-\d{2}\.pdf$/);
	const text = await pdfText(download);
	for (const words of [
		'Portfolio Priya Shah',
		`${titles.all.length} records, ${titles.accepted.length} accepted`,
		'Coverage',
		'Sign-offs',
		'Assessed and Supported Year in Employment',
		'Observations of practice',
		'Open Government Licence v3.0',
		...titles.all
	])
		expect(text, words).toContain(words);
});

test('a PDF that cannot be made tells the browser why, on a page of the service', async ({
	page
}) => {
	// An endpoint refusing a browser shows src/error.html, not SvelteKit's own fallback.
	await signIn(page, demoAccounts.practitioner);
	await page.setViewportSize({ width: 390, height: 844 });
	const answer = await page.goto('/portfolio/export.pdf?version=1999');
	expect(answer?.status()).toBe(404);
	await expect(page).toHaveTitle('There is no version "1999" of the framework. – Golden Thread');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'There is no version "1999" of the framework.'
	);
	await expect(page.getByRole('main')).toContainText('Error 404.');
	await expectNoAxeViolations(page);
	expect(await overflow(page)).toEqual({ excess: 0, beyond: [], scrollers: [] });
	await page.getByRole('link', { name: 'Go to the Golden Thread home page' }).click();
	await expect(page).toHaveURL('/');
});

test('her supervisor downloads the moderation panel pack, without her drafts', async ({ page }) => {
	const titles = priyasTitles();
	await signIn(page, demoAccounts.supervisor);
	await page.goto(`/supervision/${titles.id}/pack`);
	await expectNoAxeViolations(page);
	const download = await downloadFrom(page, 'Download this pack as a PDF');
	expect(download.suggestedFilename()).toMatch(/^moderation-panel-pack-priya-shah-/);
	const text = await pdfText(download);
	expect(text).toContain('Moderation panel pack Priya Shah');
	expect(text).toContain(`${titles.accepted.length} accepted record`);
	for (const title of titles.accepted) expect(text, title).toContain(title);
	for (const title of titles.drafts) expect(text, title).not.toContain(title);
});

test.describe('on a server that makes every PDF in the background', () => {
	test.describe.configure({ mode: 'serial' });
	const server = ownServer('pdf', 1700, { PDF_BACKGROUND_RECORDS: '1' });
	test.beforeAll(async () => {
		server.reset();
		await server.start();
	});
	test.afterAll(() => server.stop());

	async function askForPdf(browser: Browser, javaScriptEnabled: boolean) {
		const context = await browser.newContext({
			baseURL: server.url,
			javaScriptEnabled,
			extraHTTPHeaders: { 'x-forwarded-for': '10.0.0.4' }
		});
		const page = await context.newPage();
		await signIn(page, demoAccounts.practitioner);
		await page.goto('/portfolio');
		await page.getByRole('link', { name: 'Download your whole portfolio as a PDF' }).click();
		await expect(page).toHaveURL(/\/downloads\/[0-9a-f-]{36}$/);
		return page;
	}

	const ready = (page: Page) => page.getByRole('heading', { name: 'Your PDF is ready' });

	test('without JavaScript, “Check again” shows how far it has got until it is ready', async ({
		browser
	}) => {
		const page = await askForPdf(browser, false);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			/^(Making your portfolio as a PDF|Your PDF is ready)$/
		);
		await expect(page.getByRole('status')).toHaveText(
			/Waiting|Laying out \d+ records on pages|Writing the pages: \d+% done|Your portfolio as a PDF/
		);
		await expect(async () => {
			if (!(await ready(page).isVisible()))
				await page.getByRole('link', { name: 'Check again' }).click();
			await expect(ready(page)).toBeVisible({ timeout: 1000 });
		}).toPass({ intervals: [250] });
		const address = page.url();
		const text = await pdfText(await downloadFrom(page, 'Download the PDF', 'button'));
		expect(text).toContain('Portfolio Priya Shah');
		// Kept for one download.
		const again = await page.goto(address);
		expect(again?.status()).toBe(404);
		await expect(page.getByRole('main')).toContainText('There is no such download');
	});

	test('with JavaScript, the page updates itself until it is ready', async ({ browser }) => {
		const page = await askForPdf(browser, true);
		// Axe runs in the page, so it scans here; the page is the same without JavaScript.
		await expectNoAxeViolations(page);
		await expect(ready(page)).toBeVisible();
		await expectNoAxeViolations(page);
		await page.setViewportSize({ width: 390, height: 844 });
		expect(await overflow(page)).toEqual({ excess: 0, beyond: [], scrollers: [] });
		await expect(page.getByRole('status')).toContainText('Your portfolio as a PDF');
		const text = await pdfText(await downloadFrom(page, 'Download the PDF', 'button'));
		expect(text).toContain('Portfolio Priya Shah');
	});
});
