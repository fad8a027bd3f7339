import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Answer } from './answers';
import { routeFolders, routeIds } from '../routes';

// The pages each person reaches by following links, as someone clicking through the service
// would: where they lead (a page of each route), and every query parameter the links and the
// filter forms on them use, with the values they give it.

/** Whatever sends a GET as someone: a person signed in, someone signed out, a token's holder. */
export interface Client {
	name: string;
	get(path: string): Promise<Answer>;
}

/** Routes that answer GET: a page, or an endpoint exporting GET (or a fallback). */
export function getRoutes() {
	return [...routeFolders()]
		.filter(([, dir]) => {
			const files = readdirSync(dir);
			if (files.some((file) => /^\+page(\.server)?\.(ts|svelte)$/.test(file))) return true;
			if (!files.includes('+server.ts')) return false;
			return /export (const|async function|function) (GET|fallback)\b/.test(
				readFileSync(join(dir, '+server.ts'), 'utf8')
			);
		})
		.map(([id]) => id)
		.sort();
}

const patterns = routeIds()
	.map((id) => ({
		id,
		pattern: new RegExp(
			`^${id
				.split('/')
				.map((part) =>
					/^\[\.\.\..+\]$/.test(part)
						? '.+'
						: /^\[.+\]$/.test(part)
							? '[^/]+'
							: part.replace(/[.*+?^${}()|\\]/g, '\\$&')
				)
				.join('/')}$`
		),
		// A route with more fixed parts wins: /portfolio/new over /portfolio/[id].
		fixed: id.split('/').filter((part) => part && !part.startsWith('[')).length
	}))
	.sort((a, b) => b.fixed - a.fixed);

/** The route a path belongs to, as SvelteKit would choose it. */
export function routeOf(pathname: string) {
	return patterns.find((p) => p.pattern.test(pathname === '' ? '/' : pathname))?.id;
}

/** The query values links and forms were seen to give, by name; and the names, by route. */
export interface Seen {
	values: Map<string, Set<string>>;
	names: Map<string, Set<string>>;
}

export const nothingSeen = (): Seen => ({ values: new Map(), names: new Map() });

const add = (map: Map<string, Set<string>>, key: string, value: string) => {
	if (!map.has(key)) map.set(key, new Set());
	map.get(key)!.add(value);
};

const entities = (text: string) =>
	text
		.replace(/&amp;/g, '&')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>');

/** The links on a page, and the fields of its GET forms with their values. */
export function linksOn(html: string, from: string, origin: string, seen: Seen): string[] {
	const note = (name: string, value: string) => add(seen.values, name, value);
	const links: string[] = [];
	for (const [, href] of html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)) {
		const url = new URL(entities(href), origin + from);
		if (url.origin !== origin) continue;
		for (const [name, value] of url.searchParams) note(name, value);
		links.push(url.pathname + url.search);
	}
	for (const [form] of html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)) {
		if (!/^<form\b[^>]*\bmethod="get"/i.test(form)) continue;
		const action = form.match(/^<form\b[^>]*\baction="([^"]*)"/)?.[1];
		const path = new URL(entities(action ?? from), origin + from).pathname;
		// What the form sends as it stands: its fields, a box or option only where chosen.
		const fields = new URLSearchParams();
		for (const [field] of form.matchAll(/<(input|textarea)\b[^>]*>/g)) {
			const name = field.match(/\bname="([^"]*)"/)?.[1];
			if (!name) continue;
			const value = entities(field.match(/\bvalue="([^"]*)"/)?.[1] ?? '');
			note(name, value);
			const choice = /\btype="(radio|checkbox)"/.test(field);
			if (!choice || /\bchecked\b/.test(field)) fields.append(name, value);
		}
		for (const [, attributes, options] of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
			const name = attributes.match(/\bname="([^"]*)"/)?.[1];
			if (!name) continue;
			const values = [...options.matchAll(/<option\b[^>]*\bvalue="([^"]*)"/g)].map((m) =>
				entities(m[1])
			);
			for (const value of values) note(name, value);
			if (values.length) fields.append(name, values[0]);
		}
		links.push(`${path}?${fields}`);
	}
	return links;
}

export interface Reached {
	route: string;
	path: string;
	client: Client;
	status: number;
	/** A file to save (a ZIP, a PDF, a CSV), not a page: each takes a while to make. */
	download: boolean;
}

/**
 * How well an answer shows a route: a page (2xx) best, then a kind page for a link used or
 * closed (410), then a redirect (a route that only sends people on, such as /sign-out).
 */
const rank = (status: number) =>
	status < 300 ? 0 : status === 410 ? 1 : status < 400 ? 2 : undefined;

/**
 * Follows links from `starts` as `client`, breadth first, visiting at most two addresses of
 * each route: for each route, the address that shows it best, with the values seen.
 */
export async function crawl(client: Client, starts: string[], origin: string, seen: Seen) {
	const queue = [...starts];
	const visited = new Set<string>();
	const visits = new Map<string, number>();
	const reached = new Map<string, Reached>();
	const perRoute = 2;
	while (queue.length) {
		const path = queue.shift()!;
		if (visited.has(path)) continue;
		visited.add(path);
		const route = routeOf(new URL(path, origin).pathname);
		if (!route || (visits.get(route) ?? 0) >= perRoute) continue;
		visits.set(route, (visits.get(route) ?? 0) + 1);
		const answer = await client.get(path);
		if (answer.status >= 500)
			throw new Error(`${client.name} following links to ${path}: ${answer.status}`);
		const shown = rank(answer.status);
		const best = reached.get(route);
		if (shown !== undefined && (!best || shown < rank(best.status)!))
			reached.set(route, {
				route,
				path,
				client,
				status: answer.status,
				download: /attachment/.test(String(answer.headers['content-disposition'] ?? ''))
			});
		// A redirect is a link the server gives: to sign in, and come back.
		const location = answer.status < 400 ? answer.headers.location : undefined;
		const html = answer.status < 300 && /^text\/html/.test(answer.headers['content-type'] ?? '');
		const links = html ? linksOn(answer.text, path, origin, seen) : [];
		if (location && new URL(location, origin + path).origin === origin) {
			const url = new URL(location, origin + path);
			for (const [name, value] of url.searchParams) add(seen.values, name, value);
			links.push(url.pathname + url.search);
		}
		for (const link of links) {
			const url = new URL(link, origin);
			const to = routeOf(url.pathname);
			if (to) for (const name of url.searchParams.keys()) add(seen.names, to, name);
			queue.push(link);
		}
	}
	return reached;
}
