import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { demoPassword } from '../session';

// A browser context per demo account (its own cookies), signed in through the sign-in form's
// action; one for someone signed out. Each comes from an address of its own, so one person's
// refused sign-ins never slow another's.

export interface Person {
	email: string | null;
	context: BrowserContext;
	/** A page with JavaScript off: for reading forms and answers as the server sent them. */
	page: Page;
	/** Signs in again if the session cookie has gone (signed out, or ended by the server). */
	ensureSignedIn(): Promise<void>;
	/** Posts a form as a person would, and expects it to be accepted. */
	submit(path: string, form: Record<string, string | string[]>): Promise<void>;
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
			person = this.open(email, this.people.size + 1);
			this.people.set(email, person);
		}
		return person;
	}

	async close() {
		for (const person of this.people.values()) await (await person).context.close();
	}

	private async open(email: string | null, n: number): Promise<Person> {
		const origin = this.origin;
		const context = await this.browser.newContext({
			baseURL: origin,
			javaScriptEnabled: false,
			extraHTTPHeaders: { origin, 'x-forwarded-for': `10.1.${n >> 8}.${n & 255}` }
		});
		const page = await context.newPage();
		const signedIn = async () =>
			(await context.cookies(origin)).some((cookie) => cookie.name === 'session');
		const person: Person = {
			email,
			context,
			page,
			async ensureSignedIn() {
				if (!email || (await signedIn())) return;
				const response = await context.request.post('/sign-in', {
					form: { email, password: demoPassword },
					headers: { accept: 'text/html' },
					maxRedirects: 0
				});
				expect(response.status(), `sign in as ${email}`).toBe(303);
			},
			async submit(path, form) {
				await person.ensureSignedIn();
				const body = new URLSearchParams();
				for (const [name, value] of Object.entries(form))
					for (const v of [value].flat()) body.append(name, v);
				const response = await context.request.post(path, {
					data: body.toString(),
					headers: {
						'content-type': 'application/x-www-form-urlencoded',
						accept: 'text/html'
					},
					maxRedirects: 0
				});
				const answer = `${email} posting to ${path}: ${response.status()}`;
				expect(response.status(), answer).toBeLessThan(400);
			}
		};
		await person.ensureSignedIn();
		return person;
	}
}
