import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { expectNoAxeViolations } from './axe';
import { recordCpdAsStaff } from './cpd-flow';
import { parseCsv } from './csv';
import { e2eDatabase } from './server';
import { apiAs, demoAccounts, signIn } from './session';

// My CPD year: the demo practitioner's CPD records in Social Work England's fields, to download.

const columns = [
	'Type',
	'Description and relevance to practice',
	'Date',
	'What was learnt',
	'Impact on practice',
	'Peer reflection'
];

interface DemoRecord {
	title: string;
	activity_date: string;
	cpd_relevance: string;
	cpd_learning: string;
	cpd_impact: string;
	peer_reflected: number;
	peer_reflection: string;
}

/** One of the demo practitioner's CPD records (from content/demo), as the database holds it. */
function supervisionRecord() {
	const db = new Database(e2eDatabase, { readonly: true });
	const record = db
		.prepare(
			`select e.title, e.activity_date, e.cpd_relevance, e.cpd_learning, e.cpd_impact, e.peer_reflected, e.peer_reflection
			from evidence e join users u on u.id = e.owner_id
			where u.email = ? and e.title = 'Supervision on a neglect case that felt stuck'`
		)
		.get(demoAccounts.practitioner) as DemoRecord | undefined;
	db.close();
	expect(record, 'the demo record').toBeTruthy();
	// The year is named by the year it ends in: 1 December begins the next.
	const date = record!.activity_date;
	const year = Number(date.slice(0, 4)) + (date.slice(5) >= '12-01' ? 1 : 0);
	return { ...record!, year };
}

test('the demo practitioner downloads her CPD year with Social Work England’s columns', async ({
	page
}) => {
	const record = supervisionRecord();
	await signIn(page, demoAccounts.practitioner);
	await page.goto(`/portfolio/cpd?year=${record.year}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('My CPD year');
	await expect(page.getByText(/^Social Work England registration SW\d+$/)).toBeVisible();
	const card = page.locator('.govuk-summary-card', { hasText: record.title });
	await expect(card.getByRole('link', { name: record.title })).toBeVisible();
	await expect(card).toContainText('Supervision or peer discussion');
	await expectNoAxeViolations(page);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download as a spreadsheet (CSV)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(new RegExp(`^cpd-${record.year}-SW\\d+\\.csv$`));
	const text = readFileSync((await download.path())!, 'utf8');
	expect(text.startsWith('\ufeff'), 'a byte order mark, for Excel').toBe(true);
	const [header, ...rows] = parseCsv(text.slice(1));
	expect(header).toEqual(columns);
	expect(rows.length).toBeGreaterThan(0);
	for (const row of rows) expect(row, 'six cells in every row').toHaveLength(6);
	const row = rows.find((r) => r[1].startsWith(record.title))!;
	expect(row).toEqual([
		'Supervision or peer discussion',
		`${record.title}\n\n${record.cpd_relevance}`,
		record.activity_date,
		record.cpd_learning,
		record.cpd_impact,
		record.peer_reflected ? record.peer_reflection || 'Reflected on with a peer.' : ''
	]);
	for (const r of rows)
		expect(r[2] >= `${record.year - 1}-12-01` && r[2] < `${record.year}-12-01`, r[2]).toBe(true);

	const [pdf] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download as a document (PDF)' }).click()
	]);
	expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
	expect(
		readFileSync((await pdf.path())!)
			.subarray(0, 5)
			.toString()
	).toBe('%PDF-');
});

test('a year or format that makes no sense is refused with a message', async ({ baseURL }) => {
	const client = await apiAs(baseURL!, demoAccounts.practitioner);
	const answers = [
		['/portfolio/cpd/export?year=twenty&format=csv', /four digits, the year it ends in/],
		['/portfolio/cpd/export?year=2999&format=csv', /The registration year 2999 has not begun/],
		['/portfolio/cpd/export?year=1999', /no registration years before 2000/],
		['/portfolio/cpd/export?format=docx', /format=csv .* or format=pdf/],
		['/portfolio/cpd?year=2026-11-30', /four digits, the year it ends in/]
	] as const;
	for (const [path, message] of answers) {
		const response = await client.get(path, { headers: { accept: 'text/html' } });
		expect(response.status(), path).toBe(400);
		expect(await response.text(), path).toMatch(message);
	}
});

test('someone without a registration number is told why there is no CPD year', async ({
	page,
	baseURL
}) => {
	await signIn(page, demoAccounts.admin);
	await page.goto('/portfolio/cpd');
	await expect(page.getByText(/There is no Social Work England registration number/)).toBeVisible();
	await expect(page.getByRole('link', { name: /Download/ })).toHaveCount(0);
	await expectNoAxeViolations(page);
	const client = await apiAs(baseURL!, demoAccounts.admin);
	const refused = await client.get('/portfolio/cpd/export', { headers: { accept: 'text/html' } });
	expect(refused.status()).toBe(403);
	expect(await refused.text()).toMatch(/no Social Work England registration number/);
});

test('a supervisor with a registration number records, submits and downloads their CPD', async ({
	page
}) => {
	await recordCpdAsStaff(page, demoAccounts.supervisor, 'with JavaScript');
	await expectNoAxeViolations(page);
	// Their portfolio holds their CPD records and nothing of a practitioner's programme.
	await page.goto('/portfolio');
	await expect(page.getByRole('link', { name: 'Your programme' })).toHaveCount(0);
	await expect(page.getByText('Nobody reviews them')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Your CPD', exact: true })).toBeVisible();
	await expectNoAxeViolations(page);
});
