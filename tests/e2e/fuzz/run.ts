import fc from 'fast-check';
import { deadSummaryLinks, readAnswer, type Reading } from './answers';
import { bodies, type Body } from './bodies';
import type { Watch } from './database';
import { encode } from './encode';
import { readFields } from './forms';
import type { Person } from './people';
import type { FuzzServer } from './server';
import type { FuzzContext, Setup } from './setups';
import { prototypeNames, type Pools } from './values';

// One form action fuzzed: its form read from its page, then bodies posted one after another,
// each answer checked, and fast-check's shrunk counterexample kept when one is wrong.

export interface Outcome {
	/** How many answers of each status the action gave (shrinking included). */
	statuses: Record<number, number>;
	/** The message refusals gave most often: why bodies fail, when none succeeds. */
	commonRefusal?: string;
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
/** Bodies tried while shrinking a failure: enough for a short counterexample, in seconds. */
const maxShrinks = 200;

let addresses = 0;

/** Fuzzes the action named as a form posts to it: `/sign-in`, `/portfolio/[id]?/save`. */
export async function fuzzAction(action: string, setup: Setup, run: Run): Promise<Outcome> {
	const started = Date.now();
	const { ids, people, server } = run;
	const email = typeof setup.as === 'function' ? setup.as(ids) : setup.as;
	const person = await people.as(email);
	const suffix = action.match(/\?\/.*$/)?.[0] ?? '';
	await setup.prepare?.(run);
	await person.ready();
	const fields = (setup.fields ?? (await formOn(person, setup.path(ids), suffix))).map((field) =>
		setup.typed?.[field.name] ? { ...field, values: setup.typed[field.name] } : field
	);

	const filled = fields.filter((field) => !['hidden', 'submit'].includes(field.kind));
	const fieldNames = new Set(filled.map((field) => field.name));
	const statuses: Record<number, number> = {};
	const refusals = new Map<string, number>();
	const found = new Map<string, string>();
	let shrinks: number | undefined;
	const property = fc.asyncProperty(bodies(fields, run.pools), async (body) => {
		// Past the bound, every smaller body counts as passing, so the last failure is reported.
		if (shrinks !== undefined && ++shrinks > maxShrinks) return;
		await setup.eachRun?.(run);
		await person.ready();
		const target = setup.path(ids) + suffix;
		const logFrom = server.log().length;
		const watch = await server.reader.watch();
		let reading: Reading;
		let problems: string[];
		try {
			const n = ++addresses;
			const address = setup.freshAddress ? `10.2.${(n >> 8) & 255}.${n & 255}` : undefined;
			const answer = await person.send('POST', target, await encode(body), address);
			reading = readAnswer(answer);
			statuses[reading.status] = (statuses[reading.status] ?? 0) + 1;
			if (reading.message) refusals.set(reading.message, (refusals.get(reading.message) ?? 0) + 1);
			const checking = { person, setup, run, watch, suffix, fieldNames };
			problems = await check(body, answer.text, reading, checking);
		} finally {
			await watch.end();
		}
		if (!problems.length) return;
		const log = server.log().slice(logFrom).trim();
		const summary = `${reading.status}: ${problems.join('; ')}`;
		if (run.survey) {
			// One example of each kind of fault, told apart by the server's first error line.
			const cause = log.match(/^\S*(Error|error)\b.*$/m)?.[0] ?? '';
			const kind = `${summary} ${cause}`.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>');
			found.set(kind, `${kind}\n  e.g. ${fc.stringify(body)}`);
			return;
		}
		shrinks ??= 0;
		const message =
			`${summary} from POST ${target}` + (log ? `\nThe server's log:\n${log.slice(-4000)}` : '');
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
		commonRefusal: [...refusals].sort((a, b) => b[1] - a[1])[0]?.[0],
		seconds: Math.round((Date.now() - started) / 1000),
		failure: details.failed
			? fc.defaultReportMessage(details)
			: found.size
				? `Faults found (FUZZ_SURVEY, not shrunk):\n${[...found.values()].join('\n')}`
				: undefined
	};
}

/** The fields of the form on `path` that posts to `suffix`, as the person sees it. */
async function formOn(person: Person, path: string, suffix: string) {
	const visit = await person.page.goto(path);
	if (visit?.status() !== 200)
		throw new Error(
			`${person.email ?? 'Someone signed out'} cannot open ${path}: ${visit?.status()}`
		);
	const fields = await readFields(person.page, path + suffix);
	if (!fields) throw new Error(`No form on ${path} posts to ${suffix || 'the page'}`);
	return fields;
}

interface Checking {
	person: Person;
	setup: Setup;
	run: Run;
	/** The database since just before the body was sent. */
	watch: Watch;
	/** The action's part of the address, `?/save`, or '' for the page's own. */
	suffix: string;
	/** The names of the form's own fields that a person fills in (not hidden ones, or buttons). */
	fieldNames: Set<string>;
}

/**
 * What is wrong with an answer: a server error; a refusal without a message, with an error link
 * to a field the page does not have, or one that changed a record; a redirect off the site; a
 * built-in's name or a megabyte of text that was kept.
 */
async function check(
	body: Body,
	text: string,
	reading: Reading,
	{ person, setup, run, watch, suffix, fieldNames }: Checking
) {
	const { status, location, message } = reading;
	if (status >= 500) return [`a server error${message ? ` (${message})` : ''}`];
	// The answer shows again what was typed, a megabyte included; only what is kept must not be.
	const problems = shows('the answer', text, false);
	const changed = async (why: string) => {
		const tables = (await watch.changed()).filter((t) => !setup.refusalChanges?.includes(t));
		if (tables.length) problems.push(`${why} changed ${tables.join(', ')}`);
	};
	if (status >= 400) {
		if (!message) problems.push('no message a person can read');
		// A field the form does not show, sent with a crafted body (a name of its own, a hidden
		// version or a button's value a megabyte long), has nowhere to be shown.
		const crafted = (id: string) => !fieldNames.has(id) && body.entries.some(([n]) => n === id);
		for (const id of deadSummaryLinks(text, suffix).filter((id) => !crafted(id)))
			problems.push(`the error summary links to #${id}, which the page does not have`);
		await changed('a refusal');
		return problems;
	}
	if (location !== undefined) {
		if (!location.startsWith('/') || location.startsWith('//') || location.startsWith('/\\'))
			problems.push(`a redirect off the site, to ${location}`);
		else if (location.startsWith('/sign-in?redirectTo'))
			problems.push('the person was sent to sign in again');
	} else if (setup.savesOnlyWithRedirect) await changed('an answer that showed the form again');
	// What it kept, looked at only when a built-in's name or a megabyte was sent.
	const sent = body.entries.map(([, value]) => (typeof value === 'string' ? value : ''));
	const sentBuiltIn = sent.some((value) => prototypeNames.includes(value));
	const sentMegabyte = sent.some((value) => value.length > 100_000);
	if (!sentBuiltIn && !sentMegabyte) return problems;
	const pages = [...(location ? [location] : []), ...(setup.shownOn?.(run.ids) ?? [])];
	for (const page of pages) {
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
