import {
	expect,
	test as base,
	type APIRequestContext,
	type Browser,
	type BrowserContext,
	type Page
} from '@playwright/test';
import Database from 'better-sqlite3';
import { expectNoAxeViolations } from './axe';
import { apiAs } from './session';
import { e2eDatabase } from './server';

// Helpers for walking journeys in small steps, each setting up its own state: people signed in
// once per worker and shared by every test that needs them, forms posted as a browser without
// JavaScript posts them, and the demo database read for the ids a journey starts from.

const sessions = new Map<string, Promise<APIRequestContext>>();

/** An HTTP client signed in as someone, signed in once per worker. */
function sessionOf(baseURL: string, email: string) {
	let session = sessions.get(email);
	if (!session) sessions.set(email, (session = apiAs(baseURL, email)));
	return session;
}

interface People {
	/** A page in a browser of its own, signed in as someone (sharing their session). */
	as: (email: string) => Promise<Page>;
	/** An HTTP client signed in as someone, for setting up what a step starts from. */
	api: (email: string) => Promise<APIRequestContext>;
}

/** What a test that walks a journey is given. */
export type WalkFixtures = People & { browser: Browser; baseURL?: string };

export const test = base.extend<People>({
	as: async ({ browser, baseURL }, use) => {
		const contexts: BrowserContext[] = [];
		await use(async (email) => {
			const session = await sessionOf(baseURL!, email);
			const context = await browser.newContext({
				baseURL,
				storageState: await session.storageState()
			});
			contexts.push(context);
			return context.newPage();
		});
		for (const context of contexts) await context.close();
	},
	api: async ({ baseURL }, use) => use((email) => sessionOf(baseURL!, email))
});

/**
 * Posts a form as a browser without JavaScript does and returns where the answer sends the
 * person; fails with the page's error summary when the form is refused.
 */
export async function postForm(
	api: APIRequestContext,
	path: string,
	fields: Record<string, string | string[]>
) {
	const body = new URLSearchParams();
	for (const [name, value] of Object.entries(fields))
		for (const one of [value].flat()) body.append(name, one);
	const response = await api.post(path, {
		data: body.toString(),
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		maxRedirects: 0
	});
	if (response.status() !== 303) {
		const summary = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(await response.text());
		const errors = summary?.[1]
			.replace(/<[^>]+>/g, ' ')
			.replace(/\s+/g, ' ')
			.trim();
		expect(response.status(), `POST ${path}: ${errors ?? 'no error summary'}`).toBe(303);
	}
	return response.headers().location;
}

const scanned = new Set<string>();

/**
 * The success banner a page shows after a change, saying what happened; and axe on the page,
 * once a worker for each kind of page showing a notice (an id in the path stands for any).
 */
export async function expectNotice(page: Page, message: string | RegExp) {
	const banner = page.locator('.govuk-notification-banner--success');
	await expect(banner.locator('.govuk-notification-banner__heading')).toHaveText(message);
	await expect(banner).toHaveAttribute('role', 'alert');
	const kind = new URL(page.url()).pathname.replace(/\/[^/]*\d[^/]*/g, '/[id]');
	if (scanned.has(kind)) return;
	await expectNoAxeViolations(page);
	scanned.add(kind);
}

/** One row from the browser tests' database, which must be there. */
export function row<T>(sql: string, ...params: unknown[]): T {
	const db = new Database(e2eDatabase, { readonly: true });
	try {
		const found = db.prepare(sql).get(...params) as T | undefined;
		expect(found, sql).toBeTruthy();
		return found!;
	} finally {
		db.close();
	}
}

export const userId = (email: string) =>
	row<{ id: string }>('select id from users where email = ?', email).id;

/** A date's day, month and year fields, `days` from today. */
export function dateFields(name: string, days = 0) {
	const date = new Date(Date.now() + days * 86_400_000);
	return {
		[`${name}-day`]: String(date.getUTCDate()),
		[`${name}-month`]: String(date.getUTCMonth() + 1),
		[`${name}-year`]: String(date.getUTCFullYear())
	};
}

/** Fills a GOV.UK date field's day, month and year, `days` from today. */
export async function fillDate(page: Page, days = 0, within = page.locator('body')) {
	const date = new Date(Date.now() + days * 86_400_000);
	await within.getByLabel('Day').fill(String(date.getUTCDate()));
	await within.getByLabel('Month').fill(String(date.getUTCMonth() + 1));
	await within.getByLabel('Year').fill(String(date.getUTCFullYear()));
}
