import { Agent, request as httpRequest } from 'node:http';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { demoPassword } from '../session';
import type { Answer } from './answers';
import type { Encoded } from './encode';

// The people who post: a demo account each (or someone signed out), with a browser context for
// reading pages and Node's own HTTP client for the thousands of posts, which costs a fraction
// of Playwright's. Each comes from an address of its own, so one person's refused sign-ins never
// slow another's.

export interface Person {
	email: string | null;
	/** A page with JavaScript off, signed in as the person: for reading forms. */
	page: Page;
	/** Signs in, or for someone signed out, forgets any session a body gave them. */
	ready(): Promise<void>;
	/**
	 * Gives the browser the cookies the server set for the person's own requests (a pending
	 * sign-in's), so that the page they start shows its form.
	 */
	shareCookies(): Promise<void>;
	send(method: 'GET' | 'POST', path: string, body?: Encoded, address?: string): Promise<Answer>;
	/** Posts a form as a person would, and expects it to be accepted. */
	submit(path: string, form: Record<string, string | string[]>): Promise<Answer>;
	close(): Promise<void>;
}

export class People {
	private people = new Map<string | null, Promise<Person>>();

	constructor(
		private browser: Browser,
		private origin: string
	) {}

	as(email: string | null): Promise<Person> {
		let person = this.people.get(email);
		if (!person) {
			person = this.open(email, `10.1.0.${this.people.size + 1}`);
			this.people.set(email, person);
		}
		return person;
	}

	async close() {
		for (const person of this.people.values()) await (await person).close();
	}

	private async open(email: string | null, address: string): Promise<Person> {
		const origin = this.origin;
		const context: BrowserContext = await this.browser.newContext({
			baseURL: origin,
			javaScriptEnabled: false,
			extraHTTPHeaders: { 'x-forwarded-for': address }
		});
		// The cookies the server set: the session, and a sign-in waiting for its second factor.
		const jar = new Map<string, string>();
		const agent = new Agent({ keepAlive: true, maxSockets: 1 });
		const person: Person = {
			email,
			page: await context.newPage(),
			async ready() {
				if (!email) return void jar.delete('session');
				if (jar.has('session')) return;
				const form = new URLSearchParams({ email, password: demoPassword }).toString();
				const answer = await person.send('POST', '/sign-in', {
					data: Buffer.from(form),
					contentType: 'application/x-www-form-urlencoded'
				});
				const session = jar.get('session');
				if (answer.status !== 303 || !session)
					throw new Error(`${email} cannot sign in: ${answer.status}`);
				await context.addCookies([{ name: 'session', value: session, url: origin }]);
			},
			async shareCookies() {
				await context.addCookies([...jar].map(([name, value]) => ({ name, value, url: origin })));
			},
			async send(method, path, body, from = address) {
				const headers: Record<string, string> = { 'x-forwarded-for': from };
				if (jar.size)
					headers.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
				if (body) headers['content-type'] = body.contentType;
				// What `use:enhance` sends, to be answered with an action result rather than a page.
				if (body?.enhanced) headers['x-sveltekit-action'] = 'true';
				headers.accept = body?.enhanced ? 'application/json' : 'text/html';
				const answer = await send(agent, origin, method, path, headers, body?.data);
				// Signing in or out, or a session the server no longer knows, changes the cookies.
				for (const cookie of answer.headers['set-cookie'] ?? []) {
					const [, name, value] = cookie.match(/^([^=;\s]+)=([^;]*)/) ?? [];
					if (!name) continue;
					if (/max-age=0|expires=thu, 01 jan 1970/i.test(cookie)) jar.delete(name);
					else jar.set(name, value);
				}
				return answer;
			},
			async submit(path, form) {
				await person.ready();
				const body = new URLSearchParams();
				for (const [name, value] of Object.entries(form))
					for (const v of [value].flat()) body.append(name, v);
				const answer = await person.send('POST', path, {
					data: Buffer.from(body.toString()),
					contentType: 'application/x-www-form-urlencoded'
				});
				if (answer.status >= 400)
					throw new Error(`${email} posting to ${path} was refused: ${answer.status}`);
				return answer;
			},
			async close() {
				agent.destroy();
				await context.close();
			}
		};
		await person.ready();
		return person;
	}
}

/**
 * One request, as a browser sends it: on a kept-alive connection, sent again once on a new one
 * if the kept-alive connection turns out to be closed before any answer. (The server closes a
 * connection after answering a request whose body it did not read; a request already on its way
 * on that connection fails without having been handled. Browsers retry such a request, and
 * Node's documentation says to.) Redirects are not followed.
 */
async function send(
	agent: Agent,
	origin: string,
	method: string,
	path: string,
	headers: Record<string, string>,
	data?: Buffer
): Promise<Answer> {
	try {
		return await sendOnce(agent, origin, method, path, headers, data);
	} catch (error) {
		if (!(error as { reusedSocket?: boolean }).reusedSocket) throw error;
		return sendOnce(agent, origin, method, path, headers, data);
	}
}

function sendOnce(
	agent: Agent,
	origin: string,
	method: string,
	path: string,
	headers: Record<string, string>,
	data?: Buffer
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		let answered = false;
		const request = httpRequest(
			new URL(path, origin),
			{
				method,
				agent,
				headers: { ...headers, origin, 'content-length': data?.length ?? 0 }
			},
			(response) => {
				answered = true;
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						status: response.statusCode!,
						headers: response.headers,
						text: Buffer.concat(chunks).toString('utf8')
					})
				);
				response.on('error', reject);
			}
		);
		request.on('error', (error) =>
			reject(Object.assign(error, { reusedSocket: request.reusedSocket && !answered }))
		);
		request.end(data);
	});
}
