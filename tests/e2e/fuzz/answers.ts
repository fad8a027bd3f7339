import type { IncomingHttpHeaders } from 'node:http';

// What an answer to a form post says, read without a browser (thousands are read): its status,
// where it redirects, and the message it gives a person when it refuses. An answer is either a
// page (a form posted without JavaScript) or SvelteKit's JSON action result (a form posted with
// `use:enhance`), whose status and data stand in for the page's.

export interface Answer {
	status: number;
	headers: IncomingHttpHeaders;
	text: string;
}

export interface Reading {
	/** The status the person sees: the page's, or the action result's. */
	status: number;
	location?: string;
	/** What the answer tells the person went wrong, when it says anything. */
	message?: string;
}

/** Text between tags, comments and tags removed, entities left as they are. */
const textOf = (html: string) =>
	html
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

/** The part of `html` from `start` to the first `end` after it, or nothing. */
function between(html: string, start: string, end: string) {
	const from = html.indexOf(start);
	if (from < 0) return undefined;
	const to = html.indexOf(end, from);
	return to < 0 ? undefined : html.slice(from + start.length, to);
}

/** The error summary's list of entries, if the page has one. */
const summaryList = (html: string) => between(html, 'govuk-error-summary__list">', '</ul>');

/**
 * The message a page gives: its error summary (every entry with words), the anonymity check's
 * findings, an expired link's heading, or an error page's heading and explanation.
 */
export function pageMessage(html: string): string | undefined {
	const list = summaryList(html);
	if (list !== undefined) {
		const items = list
			.split('<li')
			.slice(1)
			.map((item) => textOf(`<li${item}`));
		return items.length && items.every(Boolean) ? items.join('; ') : undefined;
	}
	const findings = between(html, 'id="findings-heading"', '</section>');
	if (findings !== undefined) return textOf(`<${findings}`) || undefined;
	const expired = html.match(/<h1[^>]*>(This link has expired[^<]*)<\/h1>/);
	if (expired) return expired[1];
	// Any error page (routes/+error.svelte): the service's own, or a kind page with a title of its
	// own (a link already used, a survey closed), read as its heading and first paragraph.
	const errorPage = between(html, 'gt-error-page', '</main>')
		?.replace(/<!--[\s\S]*?-->/g, '')
		.match(/<h1[^>]*>([^<]+)<\/h1>\s*<p[^>]*>([^<]*)<\/p>/);
	return errorPage?.[2].trim() ? `${errorPage[1]}: ${errorPage[2].trim()}` : undefined;
}

const entities: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'" };
/** An attribute's value as it was before it was written into the page. */
const unescaped = (text: string) => text.replace(/&(amp|quot|lt|gt|#39);/g, (_, e) => entities[e]);

/**
 * The error summary's links that lead nowhere on a page that still shows the form posting to
 * `suffix` (`?/save`, or '' for the page's own): each names the field in error by its id
 * (`#title`), which the page must have, for the link to take the person to it.
 */
export function deadSummaryLinks(html: string, suffix: string): string[] {
	const sent = (tag: string) =>
		suffix
			? tag.includes(`action="${suffix}"`)
			: /method="post"/.test(tag) && !/\baction=/.test(tag);
	const shown = (html.match(/<form\b[^>]*>/g) ?? []).some(sent);
	const list = (shown && summaryList(html)) || '';
	const targets = [...list.matchAll(/href="#([^"]*)"/g)].map((m) => m[1]);
	return targets.filter((id) => !html.includes(` id="${id}"`)).map(unescaped);
}

/**
 * Rebuilds a value from devalue's flat form, as SvelteKit sends action data: plain objects,
 * arrays, strings, numbers and booleans; anything else (dates, maps) as undefined.
 */
function unflatten(flat: unknown[], index = 0): unknown {
	if (index < 0) return undefined; // devalue's undefined, holes, NaN and infinities
	const value = flat[index];
	if (Array.isArray(value))
		return typeof value[0] === 'string' ? undefined : value.map((i) => unflatten(flat, i));
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value).map(([key, i]) => [key, unflatten(flat, i as number)])
		);
	return value;
}

/** Every non-blank string in failure data, except what was typed (`values`), which is no message. */
function messagesIn(data: unknown): string[] {
	if (typeof data === 'string') return data.trim() ? [data] : [];
	if (Array.isArray(data)) return data.flatMap(messagesIn);
	if (data && typeof data === 'object')
		return Object.entries(data).flatMap(([key, value]) =>
			key === 'values' ? [] : messagesIn(value)
		);
	return [];
}

interface ActionResult {
	type: 'success' | 'failure' | 'redirect' | 'error';
	status?: number;
	location?: string;
	data?: string;
	error?: { message?: unknown };
}

/** What an answer says, whether a page or an action result. */
export function readAnswer(answer: Answer): Reading {
	const type = answer.headers['content-type'] ?? '';
	if (!type.startsWith('application/json')) {
		const reading: Reading = { status: answer.status, location: answer.headers.location };
		if (answer.status >= 400 && type.startsWith('text/html'))
			reading.message = pageMessage(answer.text);
		return reading;
	}
	const result = JSON.parse(answer.text) as ActionResult;
	if (result.type === 'redirect') return { status: result.status!, location: result.location };
	if (result.type === 'error') {
		const message = result.error?.message;
		return { status: answer.status, message: typeof message === 'string' ? message : undefined };
	}
	const status = result.status ?? answer.status;
	if (result.type === 'success' || !result.data) return { status };
	const found = messagesIn(unflatten(JSON.parse(result.data) as unknown[]));
	return { status, message: found.length ? found.join('; ') : undefined };
}

/** What a refusal tells the caller: the API's `errors` or `message`, SCIM's `detail`. */
export function jsonMessage(text: string) {
	try {
		const body = JSON.parse(text);
		return body?.detail ?? body?.message ?? body?.errors?.[0]?.message;
	} catch {
		return undefined;
	}
}
