import { readFileSync } from 'node:fs';
import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { parseCsv } from './csv';
import { apiAs, demoAccounts, signIn, submit } from './session';
import { formatDate, formatPeriod } from '../../src/lib/format';
import { teamsByNeed } from '../../src/lib/server/workforce/audit-teams';
import { lastQaText } from '../../src/lib/workforce/qa-coverage';
import { overflow, settle } from './layout';

interface Table {
	id: string;
	title: string;
	columns: { key: string; label: string; format?: 'date' | 'period' }[];
	rows: Record<string, string | number | null>[];
}

/** The text of every cell of the table on the page whose caption is the table's title. */
async function pageTable(page: Page, title: string) {
	const table = page.getByRole('table', { name: title, exact: true });
	return table.evaluate((el) =>
		[...el.querySelectorAll('tr')].map((tr) =>
			[...tr.querySelectorAll('th, td')].map((cell) => {
				const copy = cell.cloneNode(true) as HTMLElement;
				copy.querySelectorAll('.govuk-visually-hidden').forEach((hidden) => hidden.remove());
				return copy.textContent!.replace(/\s+/g, ' ').trim();
			})
		)
	);
}

/** A value as the page should show it: dates and periods in words, nothing as a dash. */
const shown = (value: string | number | null, format?: 'date' | 'period') =>
	value === null || value === ''
		? '—'
		: format === 'date'
			? formatDate(String(value))
			: format === 'period'
				? formatPeriod(String(value))
				: String(value);

/** Reads a CSV download: it starts with a byte order mark, for Excel, and is named by its view. */
async function readCsv(response: APIResponse, view: string) {
	const text = await response.text();
	expect(text.startsWith('\ufeff'), 'a byte order mark first').toBe(true);
	const name = /^attachment; filename="([^"]+)"$/.exec(
		response.headers()['content-disposition']
	)?.[1];
	expect(name).toMatch(new RegExp(`^${view}-([a-z0-9]+-)*\\d{4}-\\d{2}-\\d{2}\\.csv$`));
	expect(name).not.toMatch(/(\b[a-z]+)-\1\b/);
	return parseCsv(text.slice(1));
}

/**
 * Tables a view's page does not show, in the JSON and CSV only: the audit analysis shows its
 * teams one row each, those most in need first, with each team by period on a page of its own.
 */
const notOnViewPage: Record<string, string[]> = { audits: ['teams'] };

test.describe('the principal social worker’s workforce views', () => {
	const views = [
		{ path: '/workforce', view: 'coverage', heading: 'Outcome coverage' },
		{ path: '/workforce/progress', view: 'progress', heading: 'Early-career progress' },
		{ path: '/workforce/audits', view: 'audits', heading: 'Audit analysis' },
		{ path: '/workforce/learning', view: 'learning', heading: 'Learning' },
		{ path: '/workforce/cpd', view: 'cpd', heading: 'Continuing professional development' },
		{ path: '/workforce/report', view: 'report', heading: /^Quality-assurance report, \d{4}-Q\d$/ }
	];

	for (const { path, view, heading } of views) {
		test(`${view}: filled from the demo authority, and the CSV and JSON say what the page shows`, async ({
			page
		}) => {
			await signIn(page, demoAccounts.psw);
			// Other tests change the demo data while this one runs, so the page, the JSON and the
			// CSV are read together, and read again if the figures moved meanwhile.
			const snapshot = async () => {
				const json = async () =>
					(await (await page.request.get(`/api/v1/workforce/${view}`)).json()) as {
						view: string;
						tables: Table[];
					};
				const before = await json();
				await page.goto(path);
				const cells = new Map<string, string[][]>();
				for (const table of before.tables)
					if (table.rows.length && !notOnViewPage[view]?.includes(table.id))
						cells.set(table.id, await pageTable(page, table.title));
				const csv = new Map<string, string[][]>();
				for (const table of before.tables)
					csv.set(
						table.id,
						await readCsv(
							await page.request.get(`/api/v1/workforce/${view}?format=csv&table=${table.id}`),
							view
						)
					);
				const after = await json();
				return {
					json: after,
					cells,
					csv,
					stable: JSON.stringify(before) === JSON.stringify(after)
				};
			};
			let read = await snapshot();
			for (let attempt = 0; attempt < 3 && !read.stable; attempt++) read = await snapshot();
			expect(read.stable, 'the figures held still while they were read').toBe(true);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
			await expectNoAxeViolations(page);

			expect(read.json.view).toBe(view);
			for (const table of read.json.tables) {
				// Every view is filled from the demo authority, except lists that may rightly be empty.
				if (table.id !== 'awaiting-response')
					expect(table.rows.length, `${view} ${table.id} has rows`).toBeGreaterThan(0);
				const csv = read.csv.get(table.id)!;
				expect(csv[0]).toEqual(table.columns.map((c) => c.label));
				expect(csv.slice(1)).toEqual(
					table.rows.map((row) =>
						table.columns.map((c) => (row[c.key] === null ? '' : String(row[c.key])))
					)
				);
				if (table.rows.length === 0 || notOnViewPage[view]?.includes(table.id)) continue;
				const cells = read.cells.get(table.id)!;
				// The heatmap has a row of domains over its outcomes, and writes each cell as "62 20"
				// (the per cents are said to screen readers); other tables show the values as they are.
				if (view === 'coverage' && table.id === 'teams') {
					expect(cells[0].slice(2, 4)).toEqual(['Domain 1', 'Domain 2']);
					expect(cells[1].slice(0, 2)).toEqual(['1.1', '1.2']);
					expect(cells.length - 2).toBe(table.rows.length);
					for (const [i, row] of table.rows.entries()) {
						expect(cells[i + 2][0]).toBe(row.team);
						expect(cells[i + 2][1]).toBe(String(row.practitioners));
						// A team with nobody in it has no shares: one dash.
						expect(cells[i + 2][2]).toBe(
							row['evidence:1.1'] === null ? '—' : `${row['evidence:1.1']} ${row['signedOff:1.1']}`
						);
					}
					continue;
				}
				expect(cells[0]).toEqual(table.columns.map((c) => c.label));
				// A long table shows its first rows, with a pager or a link to the rest.
				const first = table.rows.slice(0, cells.length - 1);
				expect(cells.slice(1)).toEqual(
					first.map((row) => table.columns.map((c) => shown(row[c.key], c.format)))
				);
				if (first.length < table.rows.length)
					await expect(
						page
							.locator(`section:has(#table-${table.id})`)
							.getByRole('link', { name: /^(Next page|See all [\d,]+ rows)/ })
					).toBeVisible();
				// No ISO date or month is left for a person to decipher.
				for (const row of cells)
					for (const cell of row) expect(cell).not.toMatch(/\b\d{4}-\d{2}(-\d{2})?\b/);
			}
		});
	}

	test('coverage drills down from teams to a team’s practitioners to a person’s portfolio', async ({
		page
	}) => {
		await signIn(page, demoAccounts.psw);
		await page.goto('/workforce');
		await page.getByRole('link', { name: 'North Assessment Team' }).click();
		await expect(page.locator('.govuk-caption-l')).toContainText('North Assessment Team');
		const people = page.getByRole('table', { name: 'Outcome coverage by practitioner' });
		// Ten practitioners and the new starter, under the header row.
		await expect(people.getByRole('row')).toHaveCount(12);
		await expectNoAxeViolations(page);
		await people.getByRole('link', { name: 'Lucy Chen' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lucy Chen');
		await expect(page.getByRole('heading', { name: 'Outcomes' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Evidence' })).toBeVisible();
		await expectNoAxeViolations(page);

		// The filters narrow the figures: only ASYEs, in one team.
		await page.goto('/workforce');
		await page.getByLabel('Career stage').selectOption({ label: 'ASYE' });
		await page.getByRole('button', { name: 'Show' }).click();
		await expect(page).toHaveURL(/stage=asye/);
		const north = page.getByRole('row', { name: /North Assessment Team/ });
		// Four ASYEs, and the new starter who is about to begin hers.
		await expect(north.getByRole('cell').first()).toHaveText('5');
	});

	test('a long list comes a page at a time, and any long table whole on a page of its own', async ({
		page
	}) => {
		await signIn(page, demoAccounts.psw);
		const people = async () =>
			((await (await page.request.get('/api/v1/workforce/cpd')).json()) as { tables: Table[] })
				.tables[1];
		const names = () =>
			page
				.getByRole('table', {
					name: 'CPD recorded this registration year, by practitioner',
					exact: false
				})
				.locator('tbody th')
				.allTextContents();
		// Other tests record CPD meanwhile: read the page between two readings of the JSON that agree.
		const read = async (path: string) => {
			for (let attempt = 0; ; attempt++) {
				const before = await people();
				await page.goto(path);
				const shown = (await names()).map((n) => n.trim());
				const after = await people();
				if (JSON.stringify(before) === JSON.stringify(after) || attempt === 3)
					return { all: after.rows.map((r) => r.name), shown };
			}
		};

		let { all, shown } = await read('/workforce/cpd?size=10');
		expect(all.length).toBeGreaterThan(20);
		expect(shown).toEqual(all.slice(0, 10));
		await expect(page.getByText(`Showing 1 to 10 of ${all.length} rows.`)).toBeVisible();
		// The summary counts everyone, not the page.
		await expect(page.getByText(`of ${all.length} practitioners`)).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: 'Next page' }).click();
		await expect(page).toHaveURL(/[?&]page=2/);
		await expect(page).toHaveURL(/[?&]size=10/);
		await expect(page.getByText(`Showing 11 to 20 of ${all.length} rows.`)).toBeVisible();
		await expect(page.getByRole('link', { name: 'Page 2' })).toHaveAttribute(
			'aria-current',
			'page'
		);

		({ all, shown } = await read('/workforce/cpd/people?size=10&page=3'));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			/^CPD recorded this registration year, by practitioner/
		);
		expect(shown).toEqual(all.slice(20, 30));
		await expect(
			page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'CPD' })
		).toHaveAttribute('href', /^\/workforce\/cpd\?/);
		await expectNoAxeViolations(page);
		// A page past the end shows the last.
		await page.goto('/workforce/cpd/people?size=10&page=999');
		await expect(
			page.getByRole('link', { name: `Page ${Math.ceil(all.length / 10)}` })
		).toHaveAttribute('aria-current', 'page');
		expect((await page.goto('/workforce/cpd/nothing'))?.status()).toBe(404);
		expect((await page.goto('/workforce/nothing/people'))?.status()).toBe(404);
	});

	test('audit analysis: on a phone, the teams most in need first, a page at a time, every team reachable, and one chosen by its link', async ({
		page
	}) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await signIn(page, demoAccounts.psw);
		const expected = async () => {
			const json = (await (await page.request.get('/api/v1/workforce/audits')).json()) as {
				tables: Table[];
			};
			return teamsByNeed(json.tables.find((t) => t.id === 'teams')!).rows.map((r) => r.team);
		};
		const byNeed = page.getByRole('table', {
			name: 'Overall grades by team, those with the fewest graded Good or better first'
		});
		const names = async () =>
			(await byNeed.locator('tbody th').allTextContents()).map((name) => name.trim());
		// Other tests finalise audits meanwhile: walk the pages between two readings that agree.
		let all: unknown[] = [];
		let seen: string[] = [];
		for (let attempt = 0; attempt < 4; attempt++) {
			all = await expected();
			await page.goto('/workforce/audits?size=2');
			await expect(page.getByText(`Showing 1 to 2 of ${all.length} rows.`)).toBeVisible();
			seen = await names();
			for (let n = 2; n <= Math.ceil(all.length / 2); n++) {
				await page
					.getByRole('navigation', { name: /^Pages of Overall grades by team,/ })
					.getByRole('link', { name: 'Next page' })
					.click();
				await expect(page).toHaveURL(new RegExp(`[?&]page=${n}(&|$)`));
				await expect(page.getByText(new RegExp(`^Showing ${2 * n - 1} to `))).toBeVisible();
				seen.push(...(await names()));
			}
			if (JSON.stringify(all) === JSON.stringify(await expected())) break;
		}
		expect(all.length, 'more teams than a page').toBeGreaterThan(2);
		expect(seen).toEqual(all);

		await page.goto('/workforce/audits?period=all');
		await settle(page);
		expect(await overflow(page), 'fits 390 px').toEqual({ excess: 0, beyond: [], scrollers: [] });
		await expectNoAxeViolations(page);
		// The team is chosen from the table: no list of every team on the page.
		await expect(page.getByLabel('Team', { exact: true })).toHaveCount(0);
		const team = (await names()).find((name) => name !== 'No team')!;
		await byNeed.getByRole('link', { name: team, exact: true }).click();
		await expect(page).toHaveURL(/[?&]team=[0-9a-f-]{36}/);
		await expect(page).toHaveURL(/[?&]period=all/);
		await expect(page.locator('.govuk-caption-l')).toHaveText(`Workforce: ${team}`);
		await expect(page.getByText(`Showing ${team} only.`)).toBeVisible();
		expect(await names()).toEqual([team]);
		// The other filters keep the team.
		await page.getByLabel('Period').selectOption({ label: 'The last 12 months' });
		await page.getByRole('button', { name: 'Show' }).click();
		await expect(page).toHaveURL(/[?&]period=12m/);
		await expect(page).toHaveURL(/[?&]team=[0-9a-f-]{36}/);
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: 'Show all teams' }).click();
		await expect(page).not.toHaveURL(/team=/);
		await expect(page).toHaveURL(/[?&]period=12m/);

		// Each team by quarter, whole, a page at a time; a team's name there chooses it too.
		await page.getByRole('link', { name: /^see all [\d,]+ rows/ }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Overall grades by team and quarter'
		);
		await expectNoAxeViolations(page);
		await page.getByRole('table').getByRole('link', { name: team, exact: true }).first().click();
		await expect(page.locator('.govuk-caption-l')).toHaveText(`Workforce: ${team}`);
	});

	test('QA coverage: on a phone, who has gone 12 months without an audit, an observation or feedback, and its CSV', async ({
		page
	}) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await signIn(page, demoAccounts.psw);
		await page.goto('/workforce');
		await page
			.getByRole('navigation', { name: 'Workforce' })
			.getByRole('link', { name: 'QA coverage' })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('QA coverage');
		await settle(page);
		expect(await overflow(page), 'fits 390 px').toEqual({ excess: 0, beyond: [], scrollers: [] });
		await expectNoAxeViolations(page);

		// Other tests change the demo data meanwhile: the page, the CSV and the JSON are read
		// together, and again if the figures moved.
		const snapshot = async () => {
			const json = async () =>
				(await (await page.request.get('/api/v1/workforce/qa-coverage')).json()) as {
					filters: { since: string };
					tables: Table[];
				};
			const before = await json();
			await page.reload();
			const [summary, people] = before.tables;
			const cells = {
				summary: await pageTable(page, summary.title),
				people: await pageTable(page, people.title)
			};
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page
					.locator('section', { has: page.getByRole('heading', { name: people.title }) })
					.getByRole('link', { name: /^Download as CSV/ })
					.click()
			]);
			const csv = parseCsv(readFileSync((await download.path())!, 'utf8').slice(1));
			const after = await json();
			return {
				json: after,
				cells,
				csv,
				name: download.suggestedFilename(),
				stable: JSON.stringify(before) === JSON.stringify(after)
			};
		};
		let read = await snapshot();
		for (let attempt = 0; attempt < 3 && !read.stable; attempt++) read = await snapshot();
		expect(read.stable, 'the figures held still while they were read').toBe(true);
		const [summary, people] = read.json.tables;
		const since = read.json.filters.since;

		// The summary first: how many lack each kind; the demo authority has some who lack one or
		// more, and some who have had all three.
		expect(read.cells.summary.slice(1)).toEqual(
			summary.rows.map((row) => summary.columns.map((c) => shown(row[c.key])))
		);
		expect(summary.rows.map((r) => r.kind)).toEqual([
			'Audit',
			'Observation',
			'Feedback',
			'Any of the three'
		]);
		const lacking = Number(summary.rows[3].without);
		expect(lacking).toBeGreaterThan(0);
		expect(lacking).toBeLessThan(people.rows.length);
		await expect(page.getByText(/have had no audit, observation or feedback/)).toContainText(
			`${lacking} of ${people.rows.length} practitioners`
		);

		// Each practitioner, those missing most first, with dates written out or "None in the
		// last 12 months"; no ISO date left to decipher.
		const missing = (row: Table['rows'][number]) =>
			String(row.missing ?? '')
				.split(', ')
				.filter(Boolean).length;
		const counts = people.rows.map(missing);
		expect(counts).toEqual([...counts].sort((a, b) => b - a));
		const dates = ['lastAudit', 'lastObservation', 'lastFeedback'];
		expect(read.cells.people[0]).toEqual(people.columns.map((c) => c.label));
		// The page shows the first 50; the pager (below) leads to the rest.
		expect(read.cells.people.slice(1)).toEqual(
			people.rows
				.slice(0, 50)
				.map((row) =>
					people.columns.map((c) =>
						dates.includes(c.key)
							? lastQaText(row[c.key] as string | null, since)
							: shown(row[c.key])
					)
				)
		);
		expect(read.cells.people.flat().join(' ')).toMatch(/None recorded/);
		expect(read.cells.people.flat().join(' ')).toMatch(/\d{1,2} [A-Z][a-z]+ \d{4}/);
		for (const cell of read.cells.people.flat()) expect(cell).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);

		// The CSV holds every practitioner, with ISO dates for spreadsheets.
		expect(read.name).toMatch(/^qa-coverage-practitioners-\d{4}-\d{2}-\d{2}\.csv$/);
		expect(read.csv[0]).toEqual(people.columns.map((c) => c.label));
		expect(read.csv.slice(1)).toEqual(
			people.rows.map((row) =>
				people.columns.map((c) => (row[c.key] === null ? '' : String(row[c.key])))
			)
		);
	});

	test('the quarterly report prints', async ({ page }) => {
		await signIn(page, demoAccounts.psw);
		await page.goto('/workforce/report');
		await expect(page.getByRole('heading', { name: /^Headline figures/ })).toBeVisible();
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.govuk-service-navigation')).toBeHidden();
		await expect(page.getByRole('button', { name: 'Show' })).toBeHidden();
		const pdf = await page.pdf({ format: 'A4' });
		expect(pdf.byteLength).toBeGreaterThan(10_000);
	});
});

test('a personal API token reads the figures until it is revoked', async ({ page, baseURL }) => {
	await signIn(page, demoAccounts.psw);
	await page.goto('/workforce/tokens');
	await submit(page, 'Make a token');
	await expect(page.locator('.govuk-error-summary')).toContainText('Enter a name for the token');
	await page.getByLabel('Name').fill('Power BI');
	await submit(page, 'Make a token');
	const token = (await page.locator('.gt-token').textContent())!.trim();
	expect(token).toMatch(/^gt_[a-z2-7]{32}$/);
	await expectNoAxeViolations(page);

	const tool = await apiAs(baseURL!);
	const bearer = { authorization: `Bearer ${token}` };
	const answer = await tool.get('/api/v1/workforce/coverage', { headers: bearer });
	expect(answer.status()).toBe(200);
	expect((await answer.json()).tables[0].id).toBe('teams');
	const csv = await tool.get('/api/v1/workforce/cpd?format=csv&table=people', { headers: bearer });
	expect(csv.headers()['content-type']).toContain('text/csv');
	expect((await tool.get('/api/v1/workforce/coverage')).status()).toBe(401);
	expect(
		(
			await tool.get('/api/v1/workforce/coverage', {
				headers: { authorization: 'Bearer gt_nonsense' }
			})
		).status()
	).toBe(401);

	await page.goto('/workforce/tokens');
	await expect(page.getByRole('row', { name: /Power BI/ })).not.toContainText('Never');
	await page
		.getByRole('row', { name: /Power BI/ })
		.getByRole('button', { name: /Revoke/ })
		.click();
	await expect(page.getByRole('row', { name: /Power BI/ })).toContainText('Revoked');
	expect((await tool.get('/api/v1/workforce/coverage', { headers: bearer })).status()).toBe(401);
});

test('other roles cannot read the workforce figures, by session or by token', async ({
	baseURL
}) => {
	for (const email of [
		demoAccounts.practitioner,
		demoAccounts.supervisor,
		demoAccounts.auditor,
		demoAccounts.admin
	]) {
		const client = await apiAs(baseURL!, email);
		for (const view of [
			'coverage',
			'progress',
			'audits',
			'learning',
			'cpd',
			'report',
			'qa-coverage'
		])
			expect((await client.get(`/api/v1/workforce/${view}`)).status(), `${email} ${view}`).toBe(
				403
			);
	}
	const psw = await apiAs(baseURL!, demoAccounts.psw);
	expect((await psw.get('/api/v1/workforce/nothing')).status()).toBe(404);
	expect((await psw.get('/api/v1/workforce/coverage?format=csv&table=nothing')).status()).toBe(404);
});
