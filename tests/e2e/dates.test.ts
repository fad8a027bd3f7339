import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { demoAccounts, signIn } from './session';
import { e2eDatabase } from './server';

// Dates are for people: "23 November 2026", "December 2025". An ISO date or month left in a
// page's text is a fault, wherever it is.
const iso = /\b\d{4}-\d{2}(-\d{2})?\b/g;

async function isoDatesOn(page: Page, path: string) {
	await page.goto(path);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const text = await page.getByRole('main').innerText();
	return (text.match(iso) ?? []).map((found) => `${path}: ${found}`);
}

function ids() {
	const db = new Database(e2eDatabase, { readonly: true });
	const one = (query: string, ...params: string[]) =>
		(db.prepare(query).get(...params) as { id: string }).id;
	const priya = one('select id from users where email = ?', demoAccounts.practitioner);
	const lucy = one('select id from users where email = ?', 'lucy.chen@demo.test');
	const record = one("select id from evidence where owner_id = ? and status = 'accepted'", priya);
	const audit = one(
		"select a.id from audits a join users u on u.id = a.auditor_id where u.email = ? and a.status = 'finalised'",
		demoAccounts.auditor
	);
	db.close();
	return { priya, lucy, record, audit };
}

test('no page shows a person an ISO date', async ({ page }) => {
	const { priya, lucy, record, audit } = ids();
	const pages: Record<string, string[]> = {
		[demoAccounts.practitioner]: [
			'/',
			'/portfolio',
			'/portfolio/coverage',
			'/portfolio/learning',
			'/portfolio/self-assessment',
			'/portfolio/programme',
			'/portfolio/supervision',
			`/portfolio/${record}`
		],
		[demoAccounts.supervisor]: [
			'/',
			'/supervision',
			`/supervision/${priya}`,
			`/supervision/${priya}/programme`,
			`/supervision/${priya}/pack`
		],
		[demoAccounts.auditor]: ['/', '/audits', `/audits/${audit}`],
		[demoAccounts.psw]: [
			'/',
			'/audits/impact',
			'/workforce',
			'/workforce/progress',
			'/workforce/audits',
			'/workforce/audits?grain=month',
			'/workforce/learning',
			'/workforce/cpd',
			'/workforce/report',
			'/workforce/qa-coverage',
			`/workforce/people/${lucy}`,
			`/workforce/people/${lucy}/programme`,
			'/workforce/tokens'
		],
		[demoAccounts.admin]: [
			'/',
			'/admin',
			'/admin/people',
			`/admin/people/${priya}/programme`,
			'/admin/teams',
			'/admin/supervision',
			'/admin/tokens'
		]
	};
	const found: string[] = [];
	for (const [email, paths] of Object.entries(pages)) {
		await page.context().clearCookies();
		await signIn(page, email);
		for (const path of paths) found.push(...(await isoDatesOn(page, path)));
	}
	expect(found).toEqual([]);
});
