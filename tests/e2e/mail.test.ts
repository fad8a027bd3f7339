import type { AddressInfo } from 'node:net';
import { expect, request, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { SMTPServer } from 'smtp-server';
import { ownServer, type OwnServer } from './own-server';

// Email for real: the server sends through SMTP_URL to an SMTP server in this process
// (smtp-server), where the message is read, so the way through nodemailer is tested and not
// only the outbox. A forgotten password, from asking for the link to signing in with the new one.

interface Received {
	from: string;
	to: string[];
	raw: string;
}

/** An SMTP server on a free port that keeps every message it is given. */
async function startSmtp() {
	const received: Received[] = [];
	const smtp = new SMTPServer({
		authOptional: true,
		// Plain SMTP on the loopback: no certificate to trust.
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			let raw = '';
			stream.setEncoding('utf8');
			stream.on('data', (chunk: string) => (raw += chunk));
			stream.on('end', () => {
				const { mailFrom, rcptTo } = session.envelope;
				received.push({
					from: mailFrom ? mailFrom.address : '',
					to: rcptTo.map((r) => r.address),
					raw
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
	const { port } = smtp.server.address() as AddressInfo;
	return { url: `smtp://127.0.0.1:${port}`, received, close: () => smtp.close() };
}

/** A message's text: its body after the headers, quoted-printable undone. */
const bodyOf = (raw: string) =>
	raw
		.slice(raw.indexOf('\r\n\r\n') + 4)
		.replace(/=\r\n/g, '')
		.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let server: OwnServer;
const admin = 'admin@mail.test';

test.beforeAll(async () => {
	smtp = await startSmtp();
	server = ownServer('mail', 6200, {
		DEMO_DATA: 'off',
		ADMIN_EMAIL: admin,
		MAIL_FROM: 'Golden Thread <golden-thread@mail.test>',
		SMTP_URL: smtp.url
	});
	server.reset();
	await server.start();
});
test.afterAll(async () => {
	await server.stop();
	server.reset();
	smtp.close();
});

test('a reset link goes out by SMTP, and the password it sets signs in', async () => {
	const api = await request.newContext({
		baseURL: server.url,
		extraHTTPHeaders: { origin: server.url, accept: 'text/html', 'x-forwarded-for': '10.40.0.1' }
	});
	const asked = await api.post('/forgot-password', { form: { email: admin } });
	expect(asked.status()).toBe(200);

	await expect
		.poll(() => smtp.received.length, { message: 'a message at the SMTP server' })
		.toBe(1);
	const [message] = smtp.received;
	expect(message.from).toBe('golden-thread@mail.test');
	expect(message.to).toEqual([admin]);
	expect(message.raw).toMatch(/^Subject: Reset your Golden Thread password\r$/m);
	expect(message.raw).toMatch(/^From: Golden Thread <golden-thread@mail\.test>\r$/m);
	const link = bodyOf(message.raw).match(/http:\/\/\S+\/set-password\/[\w-]+/)?.[0];
	expect(link, 'the link in the message').toMatch(new RegExp(`^${server.url}/set-password/`));
	const path = new URL(link!).pathname;

	const form = await api.get(path);
	expect(await form.text()).toContain(admin);
	const password = 'a new password sent for by email';
	const set = await api.post(path, { form: { password, confirm: password }, maxRedirects: 0 });
	expect(set.status()).toBe(303);

	const again = await request.newContext({
		baseURL: server.url,
		extraHTTPHeaders: { origin: server.url, accept: 'text/html', 'x-forwarded-for': '10.40.0.1' }
	});
	const signIn = await again.post('/sign-in', {
		form: { email: admin, password },
		maxRedirects: 0
	});
	expect(signIn.status()).toBe(303);

	// The outbox keeps the message, marked sent.
	const db = new Database(server.database, { readonly: true });
	const kept = db
		.prepare('select sent_at, error from outbox where recipient = ? and subject like ?')
		.all(admin, 'Reset%') as { sent_at: string | null; error: string | null }[];
	db.close();
	expect(kept).toEqual([{ sent_at: expect.any(String), error: null }]);
	await api.dispose();
	await again.dispose();
});
