import fc from 'fast-check';
import type { FormAction } from './actions';
import { bodies } from './bodies';
import { encode } from './encode';
import { readAnswer, readFields } from './forms';
import type { Answer, Person } from './people';
import type { FuzzServer } from './server';
import type { FuzzContext, Setup } from './setups';
import { prototypeNames, type Pools } from './values';

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
	/**
	 * Keep going after a wrong answer, and report one example of each kind of fault instead of
	 * one shrunk counterexample: for seeing every fault at once while fixing them.
	 */
	survey: boolean;
}

/** Text a page shows when a built-in was taken for a value: a prototype name got through. */
const leakedBuiltIns = ['[native code]', '[object Object]'];
/** Longer than any text the app means to keep (20,000 characters at most): a megabyte got in. */
const keptMegabyte = ['a', 'é'].map((c) => c.repeat(100_000));

let addresses = 0;

export async function fuzzAction(action: FormAction, setup: Setup, run: Run): Promise<Outcome> {
	const started = Date.now();
	const { ids, people, server } = run;
	const email = typeof setup.as === 'function' ? setup.as(ids) : setup.as;
	const person = await people.as(email);
	const suffix = action.name === 'default' ? '' : `?/${action.name}`;
	await setup.prepare?.(run);
	await person.ready();
	const page = setup.path(ids);
	const visit = await person.page.goto(page);
	if (visit?.status() !== 200)
		throw new Error(`${email ?? 'Someone signed out'} cannot open ${page}: ${visit?.status()}`);
	const fields = setup.fields ?? (await readFields(person.page, page + suffix));
	if (!fields) throw new Error(`No form on ${page} posts to ${suffix || 'the page'} for ${email}`);

	const statuses: Record<number, number> = {};
	const found = new Map<string, string>();
	const property = fc.asyncProperty(bodies(fields, run.pools), async (body) => {
		await setup.eachRun?.(run);
		await person.ready();
		const target = setup.path(ids) + suffix;
		const watch = await server.reader.watch();
		const logFrom = server.log().length;
		let answer: Answer;
		let problems: string[];
		try {
			const n = ++addresses;
			const address = setup.freshAddress ? `10.2.${(n >> 8) & 255}.${n & 255}` : undefined;
			answer = await person.send('POST', target, await encode(body), address);
			statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
			// Where else what it saved is shown, when a built-in's name was sent and might be shown.
			const sentBuiltIn = body.entries.some(([, v]) => prototypeNames.includes(String(v)));
			const shownOn = sentBuiltIn ? (setup.shownOn?.(ids) ?? []) : [];
			const changed = async () =>
				(await watch.changed()).filter((table) => !setup.refusalChanges?.includes(table));
			problems = await check(person, answer, changed, shownOn);
		} finally {
			await watch.end();
		}
		if (!problems.length) return;
		const log = server.log().slice(logFrom).trim();
		const summary = `${answer.status}: ${problems.join('; ')}`;
		if (run.survey) {
			// One example of each kind of fault, told apart by the server's first error line.
			const cause = log.match(/^\S*(Error|error)\b.*$/m)?.[0] ?? '';
			const kind = `${summary} ${cause}`.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>');
			found.set(kind, `${kind}\n  e.g. ${fc.stringify(body)}`);
			return;
		}
		const message =
			`${summary} from ${target}` + (log ? `\nThe server's log:\n${log.slice(-4000)}` : '');
		// The report needs the server's stack, not this one.
		throw Object.assign(new Error(message), { stack: message });
	});
	const details = await fc.check(property, {
		numRuns: run.numRuns,
		seed: run.seed,
		includeErrorInReport: true
	});
	return {
		statuses,
		seconds: Math.round((Date.now() - started) / 1000),
		failure: details.failed
			? fc.defaultReportMessage(details)
			: found.size
				? `Faults found (FUZZ_SURVEY, not shrunk):\n${[...found.values()].join('\n')}`
				: undefined
	};
}

/** What is wrong with an answer: nothing, for 2xx and 3xx, or a 4xx that says why and changed nothing. */
async function check(
	person: Person,
	answer: Answer,
	changed: () => Promise<string[]>,
	/** Pages to look at after a success, for what it kept. */
	shownOn: string[]
) {
	const { status, text } = answer;
	if (status >= 500) return ['a server error'];
	// A refusal shows again what was typed, a megabyte included; only what is kept must not be.
	const problems = shows('the page', text, status < 400);
	if (status >= 400) {
		const type = answer.headers['content-type'] ?? '';
		if (!(await readable(person, type, text)))
			problems.push(`no message a person can read (${type || 'no content type'})`);
		const tables = await changed();
		if (tables.length) problems.push(`a refusal that changed ${tables.join(', ')}`);
		return problems;
	}
	const location = answer.headers.location;
	if (location !== undefined) {
		if (!location.startsWith('/') || location.startsWith('//') || location.startsWith('/\\'))
			return [...problems, `a redirect off the site, to ${location}`];
		if (location.startsWith('/sign-in?redirectTo'))
			return [...problems, 'the person was sent to sign in again'];
	}
	for (const page of [...(location ? [location] : []), ...shownOn]) {
		const next = await person.send('GET', page);
		if (next.status >= 500) problems.push(`a server error (${next.status}) at ${page}`);
		problems.push(...shows(`then ${page}`, next.text));
	}
	return problems;
}

/** A page that shows a built-in (a prototype name got through), or a megabyte that was kept. */
function shows(where: string, html: string, kept = true) {
	const problems = leakedBuiltIns.filter((s) => html.includes(s)).map((s) => `${where} shows ${s}`);
	if (kept && keptMegabyte.some((s) => html.includes(s)))
		problems.push(`${where} shows the megabyte of text sent: it was kept`);
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
