import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { unzip } from '../../src/lib/server/export/zip-buffers';
import { demoAccounts } from './session';
import { row, test, userId } from './walk';

// The portfolio as data: the demo practitioner downloads hers and finds every part in it; an
// administrator downloads it for a subject access request, and the download is logged. (Its
// import is walked in notices.test.ts, and without JavaScript in no-javascript.test.ts.)

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

test('the demo practitioner downloads her portfolio as data, and every part is in it', async ({
	as
}) => {
	const page = await as(demoAccounts.practitioner);
	await page.goto('/portfolio');
	await expectNoAxeViolations(page);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download your portfolio as data (ZIP)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^portfolio-priya-shah-\d{4}-\d{2}-\d{2}\.zip$/);
	const entries = await unzip(await readFile((await download.path())!));

	const json = JSON.parse(entries.get('portfolio.json')!.toString());
	expect(json).toMatchObject({
		schema: 'golden-thread/portfolio',
		version: 1,
		person: { name: 'Priya Shah', email: demoAccounts.practitioner },
		frameworkVersion: 'pqs-2025'
	});
	const priya = userId(demoAccounts.practitioner);
	const count = row<{ n: number }>('select count(*) as n from evidence where owner_id = ?', priya);
	expect(json.records.length).toBe(count.n);
	const signoffs = row<{ n: number }>(
		'select count(*) as n from signoffs where practitioner_id = ?',
		priya
	);
	expect(json.signoffs.length).toBe(signoffs.n);
	const files = json.records.flatMap((r: { files: unknown[] }) => r.files) as {
		path: string;
		sha256: string;
	}[];
	expect(files.length).toBeGreaterThan(0);
	for (const file of files) expect(sha256(entries.get(file.path)!)).toBe(file.sha256);

	expect(entries.get('portfolio.pdf')!.subarray(0, 5).toString()).toBe('%PDF-');
	const html = entries.get('index.html')!.toString();
	expect(html).toContain('<title>Portfolio of Priya Shah</title>');
	expect(html.match(/<section /g)?.length).toBe(json.records.length);
	expect([...entries.keys()].sort()).toEqual(
		['index.html', 'portfolio.json', 'portfolio.pdf', ...files.map((f) => f.path)].sort()
	);
});

test('an administrator downloads someone’s portfolio for a subject access request, and it is logged', async ({
	as
}) => {
	const admin = await as(demoAccounts.admin);
	await admin.goto(`/admin/people/${userId(demoAccounts.practitioner)}`);
	const [download] = await Promise.all([
		admin.waitForEvent('download'),
		admin.getByRole('link', { name: 'Download Priya Shah’s portfolio as data (ZIP)' }).click()
	]);
	const entries = await unzip(await readFile((await download.path())!));
	expect(JSON.parse(entries.get('portfolio.json')!.toString()).person.name).toBe('Priya Shah');
	await admin.reload();
	await expect(admin.getByRole('main')).toContainText('portfolio exported by Alex Morgan');
	await expectNoAxeViolations(admin);
});
