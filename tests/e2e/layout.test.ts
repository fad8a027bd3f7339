import { mkdirSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expectNoAxeViolations } from './axe';
import {
	foreignFonts,
	headerRows,
	layoutShift,
	maxLayoutShift,
	overflow,
	settle,
	watchLayoutShift
} from './layout';
import { guestLinkTo } from './guest-links';
import { e2eDatabase } from './server';
import { emptyImport } from './portfolio-data';
import { apiAs, demoAccounts, signIn } from './session';

// Every page type, as the person who uses it, on a phone (390 px) and a desktop (1280 px): it
// must fit the window, show its text in the app's typeface, and not move once it starts to
// render. With SCREENSHOTS=1 each page is photographed into test-results/screenshots/ (ignored by
// git). Axe scans every page at 390 px; at 1280 px it scans each role's home page, for the header's
// full-width navigation: the rest of a page's markup is the same at both widths (`onlyAtWidth`).

type Role = 'anonymous' | 'practitioner' | 'supervisor' | 'auditor' | 'psw' | 'admin';
const widths = [390, 1280];
const screenshots = 'test-results/screenshots';

/**
 * `npm run screenshots` sets DOCS_IMAGES=docs/images: these pages are then also photographed
 * there for the README and the docs, from the top down to `height` (the window's, 800 px,
 * unless the part worth showing runs longer). By width, role and page.
 */
const docsImages: Record<string, { file: string; height?: number }> = {
	'1280/practitioner-home': { file: 'practitioner-home' },
	'390/practitioner-home': { file: 'practitioner-home-phone' },
	'1280/practitioner-record-draft': { file: 'record', height: 1300 },
	'1280/practitioner-coverage': { file: 'coverage' },
	'1280/auditor-audit': { file: 'audit', height: 1450 },
	'1280/psw-coverage': { file: 'workforce-coverage', height: 960 }
};

/** Ids of the demo authority's records, read from the test server's database. */
function demoIds() {
	const db = new Database(e2eDatabase, { readonly: true });
	const one = (sql: string, ...params: string[]) =>
		(db.prepare(sql).get(...params) as { id: string } | undefined)?.id ?? '';
	const priya = one("select id from users where email = 'practitioner@demo.test'");
	const ids = {
		priya,
		draft: one(
			"select id from evidence where owner_id = ? and status = 'draft' order by created_at limit 1",
			priya
		),
		observed: one(
			'select e.id from evidence e join observations o on o.evidence_id = e.id where e.owner_id = ? limit 1',
			priya
		),
		assessment: one('select id from self_assessments where user_id = ? limit 1', priya),
		supervisionRecord: one(
			'select id from supervision_records where practitioner_id = ? limit 1',
			priya
		),
		draftAudit: one(
			"select id from audits where practitioner_id = ? and status = 'draft' limit 1",
			priya
		),
		team: one('select id from teams order by name limit 1'),
		// Open to her assessor, supervisor@demo.test, in the demo.
		invitation: one(
			"select id from observation_invitations where practitioner_id = ? and status = 'open' and observer = 'assessor' limit 1",
			priya
		),
		finalAudit: one(
			"select id from audits where practitioner_id = ? and status = 'finalised' order by audited_on limit 1",
			priya
		)
	};
	db.close();
	for (const [name, id] of Object.entries(ids))
		expect(id, `the demo authority has a ${name}`).not.toBe('');
	return ids;
}

/** A link on a page the role can see, e.g. the first person on the administration's list. */
async function firstLink(client: APIRequestContext, path: string, pattern: RegExp) {
	const match = (await (await client.get(path)).text()).match(pattern);
	expect(match, `a link matching ${pattern} on ${path}`).toBeTruthy();
	return match![0];
}

/** The page of a staff file checked (a dry run changes nobody): one new person and one changed. */
async function checkedStaffFile(admin: APIRequestContext) {
	const csv = [
		'email,given_name,family_name,team,roles,career_stage,line_manager_email,start_date',
		'lola.layout@demo.test,Lola,Layout,North Assessment Team,practitioner,ASYE,supervisor@demo.test,1/9/2026',
		'practitioner@demo.test,,,,,Social worker,,'
	].join('\n');
	const response = await admin.post('/admin/import', {
		multipart: { file: { name: 'layout.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) } },
		headers: { accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status(), 'a staff file checked').toBe(303);
	return new URL(response.headers().location, baseOrigin).pathname;
}
const baseOrigin = 'http://localhost';

/** The pages each role is shown on, by name (the screenshot's name) and path. */
async function pagesFor(role: Role, baseURL: string): Promise<Record<string, string>> {
	const ids = demoIds();
	const audit = `/audits/${ids.draftAudit}`;
	const person = `/supervision/${ids.priya}`;
	switch (role) {
		case 'anonymous':
			return {
				landing: '/',
				'sign-in': '/sign-in',
				'forgot-password': '/forgot-password',
				framework: '/framework',
				outcome: '/framework/4.4',
				search: '/framework/search?q=life+story',
				standards: '/standards',
				'standards-set': '/standards/knowsley',
				pathways: '/pathways',
				pathway: '/pathways/planning-with-purpose',
				'feedback-thank-you': '/feedback/thank-you',
				'observation-sent': '/observe/sent?saved=observed',
				// The demo's child, asked for their view by link: the picture scale.
				'have-your-say': guestLinkTo('young.person@example.com', 'have-your-say', 'open'),
				'have-your-say-thanks': '/have-your-say/thank-you?saved=answered',
				'health-check-thanks': '/health-check/thank-you?saved=answered'
			};
		case 'practitioner':
			return {
				home: '/',
				portfolio: '/portfolio',
				'record-draft': `/portfolio/${ids.draft}`,
				'record-observation': `/portfolio/${ids.observed}`,
				'record-new': '/portfolio/new',
				feedback: '/portfolio/feedback',
				'feedback-new': '/portfolio/feedback/new',
				coverage: '/portfolio/coverage',
				'coverage-outcome': '/portfolio/coverage/2.3',
				cpd: '/portfolio/cpd',
				mapping: `/portfolio/${ids.draft}/mapping`,
				'self-assessments': '/portfolio/self-assessment',
				'self-assessment': `/portfolio/self-assessment/${ids.assessment}`,
				learning: '/portfolio/learning',
				// The demo authority assigns a pathway to the whole service.
				'learning-pathway': await firstLink(
					await apiAs(baseURL, demoAccounts.practitioner),
					'/portfolio/learning',
					/\/portfolio\/learning\/[0-9a-f-]{36}/
				),
				programme: '/portfolio/programme',
				plan: '/portfolio/programme/plans/month-6',
				reflection: '/portfolio/programme/reflections/month-6',
				pack: '/portfolio/programme/pack',
				supervision: '/portfolio/supervision',
				observations: '/portfolio/observations',
				'observation-invite': '/portfolio/observations/new',
				import: '/portfolio/import',
				'import-result': await emptyImport(baseURL, demoAccounts.practitioner),
				account: '/account',
				'two-factor': '/account/two-factor'
			};
		case 'supervisor':
			return {
				home: '/',
				supervisees: '/supervision',
				supervisee: person,
				programme: `${person}/programme`,
				pack: `${person}/pack`,
				plan: `${person}/plans/month-3`,
				'review-point': `${person}/reviews/month-3`,
				outcome: `${person}/outcomes/2.3`,
				'record-new': `${person}/records/new`,
				'observation-new': `${person}/observations/new`,
				'observation-invited': `/observations/${ids.invitation}`,
				'supervision-record': `/supervision/records/${ids.supervisionRecord}`,
				assign: `/pathways/planning-with-purpose/assign?person=${ids.priya}`
			};
		case 'auditor':
			return {
				home: '/',
				audits: '/audits',
				'audit-new': '/audits/new',
				audit: audit,
				details: `${audit}/details`,
				grades: `${audit}/grades`,
				views: `${audit}/views`,
				'views-ask': `${audit}/views/ask`,
				findings: `${audit}/findings`,
				actions: `${audit}/actions`
			};
		case 'psw':
			return {
				home: '/',
				coverage: '/workforce',
				'coverage-team': `/workforce?team=${ids.team}`,
				progress: '/workforce/progress',
				'audit-analysis': '/workforce/audits',
				learning: '/workforce/learning',
				cpd: '/workforce/cpd',
				'cpd-people': '/workforce/cpd/people?page=2&size=10',
				report: '/workforce/report',
				'qa-coverage': '/workforce/qa-coverage',
				'health-check': '/workforce/health-check',
				tokens: '/workforce/tokens',
				'my-cpd': '/portfolio/cpd',
				person: `/workforce/people/${ids.priya}`,
				'person-programme': `/workforce/people/${ids.priya}/programme`,
				impact: '/audits/impact',
				moderation: `/audits/${ids.finalAudit}/moderation`
			};
		case 'admin': {
			const admin = await apiAs(baseURL, demoAccounts.admin);
			return {
				home: '/',
				administration: '/admin',
				people: '/admin/people',
				'person-new': '/admin/people/new',
				person: await firstLink(admin, '/admin/people', /\/admin\/people\/[0-9a-f-]{36}/),
				teams: '/admin/teams',
				team: await firstLink(admin, '/admin/teams', /\/admin\/teams\/[0-9a-f-]{36}/),
				supervision: '/admin/supervision',
				'person-programme': `/admin/people/${ids.priya}/programme`,
				'person-erase': `/admin/people/${ids.priya}/erase`,
				outbox: '/admin/outbox',
				tokens: '/admin/tokens',
				import: '/admin/import',
				'import-check': await checkedStaffFile(admin)
			};
		}
	}
}

/** Opens a page, lets it settle, checks it, photographs it if asked and scans it with axe. */
async function checkPage(page: Page, shot: string, path: string, scan: boolean) {
	const name = `${screenshots}/${shot}`;
	const response = await page.goto(path);
	expect(response?.status(), `${path} answers`).toBe(200);
	await settle(page);
	expect
		.soft(await overflow(page), `${path} fits the window, nothing scrolling sideways`)
		.toEqual({ excess: 0, beyond: [], scrollers: [] });
	expect.soft(await foreignFonts(page), `${path} is all in the app's typeface`).toEqual([]);
	expect.soft(await layoutShift(page), `${path} stays still`).toBeLessThanOrEqual(maxLayoutShift);
	if (page.viewportSize()!.width >= 1280)
		expect
			.soft(await headerRows(page), `${path}: the header keeps to one row`)
			.toEqual({ bar: 1, navigation: 1 });
	if (process.env.SCREENSHOTS) await page.screenshot({ path: `${name}.png`, fullPage: true });
	const docsImage = docsImages[shot];
	if (process.env.DOCS_IMAGES && docsImage) {
		const { width, height } = page.viewportSize()!;
		const length = await page.evaluate(() => document.documentElement.scrollHeight);
		await page.screenshot({
			path: `${process.env.DOCS_IMAGES}/${docsImage.file}.png`,
			fullPage: true,
			clip: { x: 0, y: 0, width, height: Math.min(docsImage.height ?? height, length) }
		});
	}
	if (scan) await expectNoAxeViolations(page);
}

/**
 * A phone is where pages run out of room, so every page is checked at 390 px. At 1280 px, each
 * role's first page (for the header's full-width navigation) and the pages photographed for the
 * docs: the rest of a page's markup is the same at both widths, and a page that fits 390 px fits
 * 1280. With SCREENSHOTS=1, every page at both.
 */
function onlyAtWidth(width: number, role: Role, pages: Record<string, string>) {
	if (width < 600 || process.env.SCREENSHOTS) return pages;
	const [first] = Object.keys(pages);
	return Object.fromEntries(
		Object.entries(pages).filter(
			([name]) => name === first || `${width}/${role}-${name}` in docsImages
		)
	);
}

const roles: Role[] = ['anonymous', 'practitioner', 'supervisor', 'auditor', 'psw', 'admin'];
for (const width of widths) {
	test.describe(`at ${width} px`, () => {
		test.use({ viewport: { width, height: width < 600 ? 844 : 800 } });
		for (const role of roles) {
			test(`every page the ${role} sees fits, is in the app's typeface and stays still`, async ({
				page,
				baseURL
			}) => {
				const pages = onlyAtWidth(width, role, await pagesFor(role, baseURL!));
				const shots = Object.keys(pages).map((name) => `${width}/${role}-${name}`);
				for (const shot of Object.keys(docsImages))
					if (shot.startsWith(`${width}/${role}-`))
						expect(shots, 'each image for the docs is of a page visited here').toContain(shot);
				// A page takes a few seconds on a busy machine; give each plenty, and never less than
				// the suite's ceiling for a test that hangs.
				test.setTimeout(Math.max(test.info().timeout, 30_000 * Object.keys(pages).length));
				if (role !== 'anonymous') await signIn(page, demoAccounts[role]);
				await watchLayoutShift(page);
				if (process.env.SCREENSHOTS) mkdirSync(`${screenshots}/${width}`, { recursive: true });
				const first = Object.keys(pages)[0];
				for (const [name, path] of Object.entries(pages))
					await test.step(`${name}: ${path}`, () =>
						checkPage(page, `${width}/${role}-${name}`, path, width < 600 || name === first));
			});
		}
	});
}

test('on a phone the menu starts closed behind its button, and opens', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await signIn(page, demoAccounts.psw);
	await settle(page);
	const navigation = page.getByRole('navigation', { name: 'Menu' });
	const menu = navigation.getByRole('button', { name: 'Menu' });
	const workforce = navigation.getByRole('link', { name: 'Workforce' });
	await expect(menu).toHaveAttribute('aria-expanded', 'false');
	await expect(workforce).toBeHidden();
	await menu.click();
	await expect(menu).toHaveAttribute('aria-expanded', 'true');
	await workforce.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Outcome coverage');
	await expectNoAxeViolations(page);
});

test('figures tables keep GOV.UK table cells: figures right-aligned in even digits on a desktop, stacked under their labels on a phone', async ({
	page
}) => {
	// The cells of a workforce table carry no classes of their own (styles/_figures-table.scss).
	await signIn(page, demoAccounts.psw);
	// A figure from the grades by quarter, and a text cell from whichever table has one.
	const cell = (numeric: boolean) =>
		numeric
			? page.getByRole('region', { name: 'Overall grades by quarter' }).locator('tbody td').first()
			: page.locator('.gt-figures-table:not(.gt-table-stack--tiles) tbody td:not(.gt-num)').first();
	const style = (numeric: boolean) =>
		cell(numeric).evaluate((td) => {
			const s = getComputedStyle(td);
			const label = getComputedStyle(td, '::before').content;
			return {
				align: s.textAlign,
				digits: s.fontVariantNumeric,
				padding: s.padding,
				border: `${s.borderBottomWidth} ${s.borderBottomStyle}`,
				display: s.display,
				label
			};
		});
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/workforce/audits');
	expect(await style(true)).toMatchObject({
		align: 'right',
		digits: 'tabular-nums',
		padding: '10px 20px 10px 0px',
		border: '1px solid',
		display: 'table-cell'
	});
	expect(await style(false)).toMatchObject({
		align: 'left',
		digits: 'normal',
		display: 'table-cell'
	});
	// A row's header names it in regular type, padded and ruled as a cell.
	const rowHeader = () =>
		page
			.getByRole('region', { name: 'Overall grades by quarter' })
			.locator('tbody th')
			.first()
			.evaluate((th) => {
				const s = getComputedStyle(th);
				return {
					weight: s.fontWeight,
					align: s.textAlign,
					padding: s.padding,
					border: `${s.borderBottomWidth} ${s.borderBottomStyle}`
				};
			});
	expect(await rowHeader()).toEqual({
		weight: '400',
		align: 'left',
		padding: '10px 20px 10px 0px',
		border: '1px solid'
	});
	await page.setViewportSize({ width: 390, height: 844 });
	const stacked = await style(true);
	expect(stacked).toMatchObject({ align: 'left', display: 'block', border: '0px none' });
	expect(stacked.label).not.toBe('none');
	expect(await rowHeader()).toMatchObject({ weight: '400', border: '0px none' });
});

test('a page reached by a link within the app has its GOV.UK components started, as a page loaded whole has', async ({
	page
}) => {
	await signIn(page, demoAccounts.practitioner);
	await page.goto('/portfolio');
	await settle(page);
	// A mark on this document: a page load would lose it.
	await page.evaluate(() => Object.assign(window, { gtSameDocument: true }));
	await page.getByRole('button', { name: 'Add evidence' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add evidence');
	expect(await page.evaluate(() => 'gtSameDocument' in window), 'reached within the app').toBe(
		true
	);
	const notStarted = () =>
		page.evaluate(() =>
			[...document.querySelectorAll<HTMLElement>('[data-module]')]
				.filter((el) => !el.hasAttribute(`data-${el.dataset.module}-init`))
				.map((el) => el.dataset.module)
		);
	await expect.poll(notStarted, 'components the new page has not started').toEqual([]);
	await expect(page.getByRole('button', { name: 'Save draft' })).toHaveAttribute(
		'data-govuk-button-init'
	);
});

test("a form's error summary shown in place is started too: its link moves focus to the field, with the label in view", async ({
	page
}) => {
	await signIn(page, demoAccounts.practitioner);
	await page.goto('/portfolio/new');
	await settle(page);
	await page.evaluate(() => Object.assign(window, { gtSameDocument: true }));
	await page.getByRole('button', { name: 'Save draft' }).click();
	const summary = page.locator('.govuk-error-summary');
	await expect(summary).toBeFocused();
	expect(await page.evaluate(() => 'gtSameDocument' in window), 'answered in place').toBe(true);
	const link = summary.getByRole('link').first();
	const field = (await link.getAttribute('href'))!.slice(1);
	await link.click();
	await expect(page.locator(`[id="${field}"]`)).toBeFocused();
	await expect(page.locator(`label[for="${field}"]`)).toBeInViewport();
	await expect(summary).toHaveAttribute('data-govuk-error-summary-init');
});
