import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { settle } from './layout';
import { recordMapFixAndSubmit } from './portfolio-flow';
import { apiAs, demoAccounts, signIn, submit } from './session';

test('a practitioner records, maps, fixes and submits evidence, and coverage changes', async ({
	page
}) => {
	const recordUrl = await recordMapFixAndSubmit(page, 'with JavaScript');
	await page.goto(recordUrl);
	await expect(page.locator('.govuk-caption-l')).toContainText('Submitted');
	await expect(page.getByRole('button', { name: 'Save draft' })).toHaveCount(0);
	await expect(page.getByRole('main')).toContainText('I met the child (A), aged 11');
});

test('with JavaScript the reflective model switches at once, with no button to press', async ({
	page
}) => {
	await signIn(page, demoAccounts.practitioner);
	await page.goto('/portfolio/new');
	// The button is hidden by CSS as soon as the page knows it has JavaScript, and taken out once
	// its script has run (a role query would not see it hidden, so this looks for the element).
	await expect(page.locator('button[value="change-model"]')).toHaveCount(0);
	await expect(page.locator('#reflection-gibbs-description')).toBeVisible();
	await page.getByLabel('Kolb’s experiential learning cycle').check();
	await expect(page.getByLabel('Concrete experience')).toBeVisible();
	await expect(page.locator('#reflection-gibbs-description')).toBeHidden();
	await expect(page).toHaveURL(/\/portfolio\/new$/);
});

test('a model chosen before the page’s script has run still shows its own questions', async ({
	page
}) => {
	// On a slow connection a person can choose before the script arrives: hold the script back,
	// choose, then let it run. (CI once chose before it, and the page showed Gibbs’s questions
	// under Kolb ticked.)
	await signIn(page, demoAccounts.practitioner);
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/portfolio/new', { waitUntil: 'commit' });
	await page.getByLabel('Kolb’s experiential learning cycle').check();
	await expect(page.locator('button[value="change-model"]')).toHaveCount(1);
	release();
	await expect(page.locator('button[value="change-model"]')).toHaveCount(0);
	await expect(page.getByLabel('Kolb’s experiential learning cycle')).toBeChecked();
	await expect(page.getByLabel('Concrete experience')).toBeVisible();
	await expect(page.locator('#reflection-gibbs-description')).toBeHidden();
	// And what is sent says so: the model ticked is the model whose questions were shown.
	await expect(page.locator('input[name="shownModel"]')).toHaveValue('kolb');
});

test('a self-assessment starts from the latest ratings, set out as questions, not errors', async ({
	page
}) => {
	await signIn(page, demoAccounts.practitioner);
	await page.goto('/portfolio/self-assessment');
	await expect(page.locator('.gt-finding')).toHaveCount(0);
	await expect(page.locator('.gt-rating')).toHaveCount(26);
	// The border is the neutral grey, not the error red.
	const border = await page
		.locator('.gt-rating')
		.first()
		.evaluate((el) => getComputedStyle(el).borderLeftColor);
	expect(border).not.toBe('rgb(212, 53, 28)');
	// The demo practitioner rated herself before: the new one starts from those ratings.
	const rated = page.locator('.gt-rating', { hasText: 'Last rated on' });
	expect(await rated.count()).toBeGreaterThan(0);
	const first = rated.first();
	await expect(first.getByRole('radio', { checked: true })).toHaveCount(1);
	await expect(first.locator('.govuk-hint')).toHaveText(
		/^Last rated on \d{1,2} [A-Z][a-z]+ \d{4}$/
	);

	// Saving changes one rating; the next starts from that.
	const legend = (await first.locator('legend').innerText()).trim();
	const unchecked = first.getByRole('radio', { checked: false }).first();
	const choice = (await unchecked.getAttribute('value'))!;
	await unchecked.check();
	await first.getByRole('textbox').fill('Changed in a browser test.');
	await submit(page, 'Save self-assessment');
	await expect(page.getByText('Self-assessment saved.')).toBeVisible();
	const again = page.locator('.gt-rating', { has: page.getByText(legend, { exact: true }) });
	await expect(again.locator(`input[value="${choice}"]`)).toBeChecked();
	await expect(again.getByRole('textbox')).toHaveValue('Changed in a browser test.');
	await expectNoAxeViolations(page);
});

test('the portfolio pages have no accessibility problems', async ({ page }) => {
	await signIn(page, demoAccounts.practitioner);
	for (const path of [
		'/portfolio',
		'/portfolio/new',
		'/portfolio/coverage',
		'/portfolio/self-assessment',
		'/portfolio?status=accepted&q=visit'
	]) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
	await page.goto('/portfolio?status=draft');
	await page.locator('.gt-record-list a').first().click();
	await expect(page.getByRole('button', { name: 'Save draft' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Choose outcomes and statements' }).click();
	await expectNoAxeViolations(page);
	await page.goto('/portfolio/new');
	await submit(page, 'Save draft');
	await expect(page.locator('.govuk-error-summary')).toContainText('Enter a title for the record');
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'Enter the date of the activity'
	);
	await expect(page.locator('.govuk-error-summary')).toContainText('Choose the type of evidence');
	await expectNoAxeViolations(page);
});

test('a standard that is not one of the authority’s is refused by the field, and the demo shows its standards', async ({
	page
}) => {
	await signIn(page, demoAccounts.practitioner);
	await page.goto('/portfolio?status=draft');
	await page.locator('.gt-record-list a').first().click();
	await page.getByRole('link', { name: 'Choose outcomes and statements' }).click();
	const first = page.locator('input[name="standard"]').first();
	await first.evaluate((box: HTMLInputElement) => (box.value = 'gloucestershire-99@1'));
	await first.check();
	await submit(page, 'Save outcomes and statements');
	const message = '“gloucestershire-99@1” is not one of your authority’s practice standards';
	await expect(page.locator('#standards .govuk-error-message')).toContainText(message);
	await expect(page.locator('.govuk-error-summary')).toContainText(message);
	await expectNoAxeViolations(page);

	await page.goto('/portfolio?standard=gloucestershire-6');
	await expect(page.getByLabel('Practice standard')).toHaveValue('gloucestershire-6');
	await page.getByRole('link', { name: 'Supervision on a neglect case that felt stuck' }).click();
	await expect(
		page.getByRole('link', { name: /^Standard 6: Every child is supported by timely management/ })
	).toBeVisible();
	await page.goto('/portfolio/coverage');
	await expect(
		page.getByRole('heading', { name: 'Your authority’s practice standards' })
	).toBeVisible();
	await expect(page.locator('[id="standard-gloucestershire-6"]')).toContainText('Standard 6');
});

test('filters and search find the practitioner’s own records', async ({ page }) => {
	await signIn(page, demoAccounts.practitioner);
	await page.goto('/portfolio');
	const all = await page.locator('.gt-record-list > li').count();
	expect(all).toBeGreaterThan(5);
	await page.getByLabel('Status').selectOption({ label: 'Accepted' });
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page).toHaveURL(/status=accepted/);
	const accepted = await page.locator('.gt-record-list > li').count();
	expect(accepted).toBeGreaterThan(0);
	expect(accepted).toBeLessThan(all);
	for (const tag of await page.locator('.gt-record-list .govuk-tag').allInnerTexts())
		expect(tag).toBe('Accepted');
	await page.goto('/portfolio?q=zzzz-no-such-word');
	await expect(page.getByRole('heading', { name: '0 records match' })).toBeVisible();
});

test('filtering the outcomes as you type hides those that do not match, and the statements too', async ({
	page
}) => {
	await signIn(page, demoAccounts.practitioner);
	await page.goto('/portfolio?status=draft');
	await page.locator('.gt-record-list a').first().click();
	await page.getByRole('link', { name: 'Choose outcomes and statements' }).click();
	await settle(page);
	const outcomes = page.locator('#mapping details');
	const shown = outcomes.filter({ visible: true });
	await expect(outcomes).toHaveCount(26);
	await expect(shown).toHaveCount(26);

	// Only 2.3 speaks of life-story work, and of its statements only D9.
	await page.getByLabel('Filter this list as you type').fill('life story');
	await expect(shown).toHaveCount(1);
	await expect(shown.locator('summary')).toHaveText(/^\s*2\.3 /);
	await shown.locator('summary').click();
	await expect(page.getByLabel(/^2\.3 D9/)).toBeVisible();
	await expect(page.getByLabel(/^2\.3 D1 /)).toBeHidden();
	await expect(page.getByLabel('The outcome as a whole: 2.3')).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByLabel('Filter this list as you type').fill('');
	await expect(shown).toHaveCount(26);
});

test('two tabs editing one draft: the second save is refused and its text kept', async ({
	browser
}) => {
	const context = await browser.newContext();
	const first = await context.newPage();
	await signIn(first, demoAccounts.practitioner);
	await first.goto('/portfolio/new');
	await first.getByLabel('Title').fill('Two tabs');
	await first.getByLabel('Day').fill('1');
	await first.getByLabel('Month').fill('11');
	await first.getByLabel('Year').fill('2026');
	await first.getByLabel('Type of evidence').selectOption({ label: 'Reflective account' });
	await submit(first, 'Save draft');
	await first.waitForURL(/saved=created/);
	const url = first.url().split('?')[0];
	const second = await context.newPage();
	await second.goto(url);

	await first.getByLabel('Account of the activity').fill('Written in the first tab.');
	await submit(first, 'Save draft');
	await expect(first.getByText('Changes saved.')).toBeVisible();

	await second
		.getByLabel('Account of the activity')
		.fill('Written in the second tab, which must not be lost.');
	await submit(second, 'Save draft');
	await expect(second.locator('.govuk-error-summary')).toContainText(
		'changed in another tab or window'
	);
	await expect(second.getByLabel('Account of the activity')).toHaveValue(
		'Written in the second tab, which must not be lost.'
	);

	await first.reload();
	await expect(first.getByLabel('Account of the activity')).toHaveValue(
		'Written in the first tab.'
	);
});

test('files that are too big, not what they say, or badly named are refused with a message', async ({
	page,
	baseURL
}) => {
	await signIn(page, demoAccounts.practitioner);
	await page.goto('/portfolio/new');
	await page.getByLabel('Title').fill('Keeps my text');
	await page.getByLabel('Day').fill('1');
	await page.getByLabel('Month').fill('11');
	await page.getByLabel('Year').fill('2026');
	await page.getByLabel('Type of evidence').selectOption({ label: 'Reading and research' });
	await page.getByLabel('Attach files (optional)').setInputFiles({
		name: 'big.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.alloc(30 * 1024 * 1024, 0x25)
	});
	// Refused in the browser, before anything is sent (uploads.test.ts shows nothing is).
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'“big.pdf” is 30 MB: files must be 10 MB or smaller.'
	);
	await expect(page.getByLabel('Title')).toHaveValue('Keeps my text');

	// A web page saved under a .pdf name is refused, saying what it really is.
	const webPage = Buffer.from('<!DOCTYPE html><html><body><p>Case notes</p></body></html>');
	await page
		.getByLabel('Attach files (optional)')
		.setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: webPage });
	await submit(page, 'Save draft');
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'“report.pdf” is a web page (HTML), not a PDF as its name says.'
	);
	await expect(page.getByLabel('Title')).toHaveValue('Keeps my text');

	// A browser sends only a file's base name; a crafted request can send anything.
	const client = await apiAs(baseURL!, demoAccounts.practitioner);
	const response = await client.post('/portfolio/new', {
		headers: { accept: 'text/html' },
		multipart: {
			title: 'Crafted',
			'activityDate-day': '1',
			'activityDate-month': '11',
			'activityDate-year': '2026',
			type: 'reading',
			files: {
				name: '../../etc/passwd.txt',
				mimeType: 'text/plain',
				buffer: Buffer.from('root:x:0:0')
			}
		},
		maxRedirects: 0
	});
	expect(response.status()).toBe(400);
	expect(await response.text()).toContain('file names cannot contain folders');
});

test('another practitioner cannot read, download or change the record or its files', async ({
	baseURL
}) => {
	const owner = await apiAs(baseURL!, demoAccounts.practitioner);
	const list = await (await owner.get('/portfolio?status=draft')).text();
	const recordPath = list.match(/\/portfolio\/[0-9a-f-]{36}/)![0];
	const withFile = await (await owner.get('/portfolio?status=accepted')).text();
	const accepted = [...withFile.matchAll(/\/portfolio\/[0-9a-f-]{36}/g)].map((m) => m[0]);
	let filePath = '';
	for (const path of accepted) {
		const match = (await (await owner.get(path)).text()).match(
			/\/portfolio\/[0-9a-f-]{36}\/files\/[0-9a-f-]{36}/
		);
		if (match) filePath = match[0];
	}
	expect(filePath, 'a demo record with a file').not.toBe('');
	const download = await owner.get(filePath);
	expect(download.status()).toBe(200);
	expect(download.headers()['content-disposition']).toMatch(
		/^attachment; filename="supervision-notes.txt"/
	);

	const colleague = await apiAs(baseURL!, demoAccounts.colleague);
	expect((await colleague.get(recordPath)).status()).toBe(403);
	expect((await colleague.get(filePath)).status()).toBe(403);
	expect((await colleague.get(`${recordPath}/mapping`)).status()).toBe(403);
	const form = { headers: { accept: 'text/html' }, maxRedirects: 0 };
	const save = await colleague.post(`${recordPath}?/save`, {
		...form,
		multipart: { title: 'Taken over', version: '1' }
	});
	expect(save.status()).toBe(403);
	const map = await colleague.post(`${recordPath}/mapping`, {
		...form,
		form: { outcome: '1.1', version: '1' }
	});
	expect(map.status()).toBe(403);
	const submitted = await colleague.post(`${recordPath}?/submit`, {
		...form,
		form: { version: '1', confirm: 'yes' }
	});
	expect(submitted.status()).toBe(403);
	expect(await (await owner.get(recordPath)).text()).not.toContain('Taken over');
});

test('a self-assessment shows on the coverage matrix, and earlier ones stay readable', async ({
	page
}) => {
	await signIn(page, demoAccounts.practitioner);
	await page.goto('/portfolio/self-assessment');
	const earlier = await page.locator('a[href^="/portfolio/self-assessment/"]').count();
	expect(earlier).toBeGreaterThan(0);
	await page
		.getByRole('group', { name: /^2\.3 / })
		.getByLabel('Confident')
		.check();
	await page
		.getByLabel('Note on 2.3 (optional)')
		.fill('Direct work tools are now part of every visit.');
	await submit(page, 'Save self-assessment');
	await expect(page.getByText('Self-assessment saved.')).toBeVisible();
	await expect(page.locator('a[href^="/portfolio/self-assessment/"]')).toHaveCount(earlier + 1);
	await page.goto('/portfolio/coverage');
	await expect(page.locator('[id="outcome-2.3"]')).toContainText('Confident');
	await page.goto('/portfolio/self-assessment');
	await page.locator('a[href^="/portfolio/self-assessment/"]').last().click();
	await expect(page.getByRole('row', { name: /^1\.1 / })).toContainText('Developing');
	await expectNoAxeViolations(page);
});

test('the outcome page shows a signed-in practitioner their own evidence for it', async ({
	page
}) => {
	await signIn(page, demoAccounts.practitioner);
	await page.goto('/framework/2.3');
	await expect(page.getByRole('heading', { name: 'Your evidence for 2.3' })).toBeVisible();
	await expect(page.locator('.govuk-inset-text a[href^="/portfolio/"]').first()).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the author deletes a draft, with its file, after confirming', async ({ page, baseURL }) => {
	const practitioner = await apiAs(baseURL!, demoAccounts.practitioner);
	const created = await practitioner.post('/portfolio/new', {
		headers: { accept: 'text/html' },
		multipart: {
			title: 'A draft to delete',
			'activityDate-day': '2',
			'activityDate-month': '11',
			'activityDate-year': '2026',
			type: 'reading',
			reflectionModel: 'free',
			files: {
				name: 'to-delete.txt',
				mimeType: 'text/plain',
				buffer: Buffer.from('Notes that go with the draft.\n')
			}
		},
		maxRedirects: 0
	});
	expect(created.status()).toBe(303);
	const recordUrl = created.headers().location.split('?')[0];

	await signIn(page, demoAccounts.practitioner);
	await page.goto(recordUrl);
	const fileUrl = await page.getByRole('link', { name: 'to-delete.txt' }).getAttribute('href');
	await page.getByRole('link', { name: 'Delete this draft' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Delete this draft?');
	await expect(page.getByRole('main')).toContainText('with its file');
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'No, keep it' }).click();
	await expect(page).toHaveURL(recordUrl);

	await page.getByRole('link', { name: 'Delete this draft' }).click();
	await submit(page, 'Yes, delete this draft');
	await expect(page).toHaveURL(/\/portfolio\?saved=deleted$/);
	await expect(page.getByText('Draft deleted, with its files.')).toBeVisible();
	await expect(page.getByRole('main')).not.toContainText('A draft to delete');
	expect((await practitioner.get(recordUrl)).status()).toBe(404);
	expect((await practitioner.get(fileUrl!)).status()).toBe(404);
});
