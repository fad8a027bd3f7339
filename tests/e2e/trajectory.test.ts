import { expect, test, type Browser } from '@playwright/test';
import Database from 'better-sqlite3';
import { expectNoAxeViolations } from './axe';
import { e2eDatabase } from './server';
import { signIn } from './session';

// The chart of a practitioner's accepted evidence and outcomes signed off, month by month,
// against what the programme expects: on their own programme page and their assessor's, on a
// phone, read through its table. Ryan Cole (six months into a full-time ASYE in the demo,
// extended by three months) is no other browser test's.

const ryan = 'ryan.cole@demo.test';
const assessor = 'daniel.byrne@demo.test';

/** Ryan's id, his accepted evidence, and the outcomes signed off (and not withdrawn) today. */
function ryansRecords() {
	const db = new Database(e2eDatabase, { readonly: true });
	const { id } = db.prepare('select id from users where email = ?').get(ryan) as { id: string };
	const accepted = db
		.prepare("select count(*) as n from evidence where owner_id = ? and status = 'accepted'")
		.get(id) as { n: number };
	const entries = db
		.prepare('select outcome_id, action from signoffs where practitioner_id = ? order by sequence')
		.all(id) as { outcome_id: string; action: string }[];
	db.close();
	const latest = new Map(entries.map((e) => [e.outcome_id, e.action]));
	const signedOff = [...latest.values()].filter((action) => action === 'sign-off').length;
	return { id, accepted: accepted.n, signedOff };
}

/** The chart's table as text, row by row, opened from "Show as a table" on a 390 px screen. */
async function chartTable(browser: Browser, email: string, path: string) {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await signIn(page, email);
	await page.goto(path);
	const chart = page.getByRole('img', {
		name: 'Evidence accepted and outcomes signed off, against the outcomes expected'
	});
	await expect(chart).toBeVisible();
	await expect(chart).toHaveAccessibleDescription(/The table below gives every month\.$/);
	const table = page.getByRole('table', { name: /by the end of each month/ });
	await expect(table).toBeHidden();
	await page.getByText('Show as a table').click();
	await expect(table).toBeVisible();
	const rows = await table
		.locator('tbody tr')
		.evaluateAll((trs) =>
			trs.map((tr) => [...tr.children].map((cell) => cell.textContent!.trim()))
		);
	// Nothing scrolls sideways, the chart included.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	const box = (await chart.boundingBox())!;
	expect(box.x + box.width).toBeLessThanOrEqual(390);
	await expectNoAxeViolations(page);
	await context.close();
	return rows;
}

test('both programme pages chart the months against the trajectory, with the figures as a table', async ({
	browser
}) => {
	const before = ryansRecords();
	const own = await chartTable(browser, ryan, '/portfolio/programme');
	const assessors = await chartTable(browser, assessor, `/supervision/${before.id}/programme`);
	const after = ryansRecords();
	// Nobody else changes his records; if they did, the figures could not be compared.
	expect(after).toEqual(before);

	// Fifteen months, the ASYE's twelve and the three it was extended by, each with its evidence,
	// sign-offs and what is expected.
	expect(own).toHaveLength(15);
	expect(own.map((row) => row[0])).toEqual(
		own.map((_, index) =>
			expect.stringMatching(new RegExp(`^${index + 1}, to \\d{1,2} \\w+ \\d{4}`))
		)
	);
	const current = own.filter((row) => row[0].endsWith('(so far)'));
	expect(current).toHaveLength(1);
	expect(current[0].slice(1, 3)).toEqual([String(after.accepted), String(after.signedOff)]);
	// Months not yet begun have no figures; all the outcomes are expected by the last.
	const index = own.indexOf(current[0]);
	for (const row of own.slice(index + 1)) expect(row.slice(1, 3)).toEqual(['Not yet', 'Not yet']);
	expect(own.at(-1)![3]).toBe('26');
	// The expected figures never go down.
	const expected = own.map((row) => Number(row[3]));
	expect(expected).toEqual([...expected].sort((a, b) => a - b));

	// The assessor sees the same months and figures.
	expect(assessors).toEqual(own);
});
