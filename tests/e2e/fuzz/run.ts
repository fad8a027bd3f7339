import fc from 'fast-check';
import type { APIResponse } from '@playwright/test';
import type { FormAction } from './actions';
import { bodies, encode, type Body, type Pools } from './bodies';
import { changedTables } from './database';
import { readAnswer, readFields } from './forms';
import type { Person } from './people';
import type { FuzzServer } from './server';
import type { FuzzContext, Setup } from './setups';

// One form action fuzzed: its form read from its page, then bodies posted one after another,
// each answer checked, and fast-check's shrunk counterexample kept when one is wrong.

export interface Outcome {
	/** How many answers of each status the action gave (shrinking included). */
	statuses: Record<number, number>;
	seconds: number;
	/** fast-check's report, with the shrunk body, when an answer was wrong. */
	failure?: string;
}

export interface Run extends FuzzContext {
	server: FuzzServer;
	pools: Pools;
	numRuns: number;
	seed: number;
}

/** Text a page shows when a built-in was taken for a value: a prototype name got through. */
const leakedBuiltIns = ['[native code]', '[object Object]'];

let addresses = 0;

export async function fuzzAction(action: FormAction, setup: Setup, run: Run): Promise<Outcome> {
	const started = Date.now();
	const { ids, people, server } = run;
	const email = typeof setup.as === 'function' ? setup.as(ids) : setup.as;
	const person = await people.as(email);
	const suffix = action.name === 'default' ? '' : `?/${action.name}`;
	const ready = async () => {
		if (email === null) await person.context.clearCookies();
		else await person.ensureSignedIn();
	};
	await setup.prepare?.(run);
	await ready();
	const page = setup.path(ids);
	const visit = await person.page.goto(page);
	if (visit?.status() !== 200)
		throw new Error(`${email ?? 'Someone signed out'} cannot open ${page}: ${visit?.status()}`);
	const fields = setup.fields ?? (await readFields(person.page, page + suffix));
	if (!fields) throw new Error(`No form on ${page} posts to ${suffix || 'the page'} for ${email}`);

	const statuses: Record<number, number> = {};
	const property = fc.asyncProperty(bodies(fields, run.pools), async (body) => {
		await setup.eachRun?.(run);
		await ready();
		const target = setup.path(ids) + suffix;
		const before = await server.reader.digest();
		const logFrom = server.log().length;
		const response = await post(person, target, body, setup.freshAddress);
		statuses[response.status()] = (statuses[response.status()] ?? 0) + 1;
		const problems = await check(person, response, async () =>
			changedTables(before, await server.reader.digest())
		);
		if (problems.length) {
			const log = server.log().slice(logFrom).trim();
			throw new Error(
				`${response.status()} from ${target}: ${problems.join('; ')}` +
					(log ? `\nThe server's log:\n${log.slice(-4000)}` : '')
			);
		}
	});
	const details = await fc.check(property, {
		numRuns: run.numRuns,
		seed: run.seed,
		includeErrorInReport: true
	});
	return {
		statuses,
		seconds: Math.round((Date.now() - started) / 1000),
		failure: details.failed ? fc.defaultReportMessage(details) : undefined
	};
}

async function post(person: Person, target: string, body: Body, freshAddress = false) {
	const { data, contentType } = await encode(body);
	const n = ++addresses;
	return person.context.request.post(target, {
		data,
		headers: {
			'content-type': contentType,
			accept: 'text/html',
			// A new connection each time: an answer that leaves a body unread may close its
			// connection, and a reused one would then fail for the next body, not this one.
			connection: 'close',
			...(freshAddress ? { 'x-forwarded-for': `10.2.${(n >> 8) & 255}.${n & 255}` } : {})
		},
		maxRedirects: 0,
		timeout: 60_000
	});
}

/** What is wrong with an answer: nothing, for 2xx and 3xx, or a 4xx that says why and changed nothing. */
async function check(person: Person, response: APIResponse, changed: () => Promise<string[]>) {
	const status = response.status();
	const type = response.headers()['content-type'] ?? '';
	const text = await response.text();
	const problems: string[] = [];
	if (status >= 500) return ['a server error'];
	const leaked = leakedBuiltIns.filter((s) => text.includes(s));
	if (leaked.length) problems.push(`the page shows ${leaked.join(' and ')}`);
	if (status >= 400) {
		if (!(await readable(person, type, text)))
			problems.push(`no message a person can read (${type || 'no content type'})`);
		const tables = await changed();
		if (tables.length) problems.push(`a refusal that changed ${tables.join(', ')}`);
	} else if (status >= 300) {
		const location = response.headers().location ?? '';
		if (!location.startsWith('/') || location.startsWith('//') || location.startsWith('/\\'))
			problems.push(`a redirect off the site, to ${location}`);
		else if (location.startsWith('/sign-in?redirectTo'))
			problems.push('the person was sent to sign in again');
		else {
			const next = await person.context.request.get(location, { timeout: 60_000 });
			const shown = await next.text();
			if (next.status() >= 500) problems.push(`a server error (${next.status()}) at ${location}`);
			const leakedNext = leakedBuiltIns.filter((s) => shown.includes(s));
			if (leakedNext.length) problems.push(`${location} then shows ${leakedNext.join(' and ')}`);
		}
	}
	return problems;
}

async function readable(person: Person, type: string, text: string) {
	if (type.startsWith('text/html')) {
		const shown = await readAnswer(person.page, text);
		return shown.summary.length > 0 || Boolean(shown.errorPage?.text);
	}
	if (type.startsWith('application/json')) {
		const json = JSON.parse(text) as { message?: unknown; error?: { message?: unknown } };
		const message = json.message ?? json.error?.message;
		return typeof message === 'string' && message.trim() !== '';
	}
	return false;
}
