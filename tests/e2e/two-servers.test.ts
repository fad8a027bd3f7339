import { existsSync } from 'node:fs';
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { startBucketServer, type TestBucketServer } from '../../src/lib/server/storage/testing';
import { ownServer, type OwnServer } from './own-server';
import { scratchSchema } from './postgres';
import { newSave, post } from './saves';
import { e2ePort } from './server';
import { demoAccounts, demoPassword } from './session';

// Two app servers (`npm start`'s) on one PostgreSQL schema and one S3 bucket (s3rver, in this
// process), as behind a load balancer, started at once on the empty database. Requests go to
// one and then the other: a record saved with a file on one is read and downloaded on the
// other; a PDF made in the background on one is followed and downloaded on the other; failed
// sign-ins count across both; the demo authority is made, and the reminders
// sent, once. Each server has the same ORIGIN, as behind one public address.

const postgresUrl = process.env.TEST_POSTGRES_URL;
const notRun = 'TEST_POSTGRES_URL is not set: two servers need PostgreSQL (CI sets it)';
const entry = 'server/index.js';

test.describe('two servers on one database and one bucket', () => {
	if (!postgresUrl) console.log(notRun);
	test.skip(!postgresUrl, notRun);

	let bucket: TestBucketServer;
	let schema: Awaited<ReturnType<typeof scratchSchema>>;
	let servers: OwnServer[];
	let api: APIRequestContext;

	test.beforeAll(async () => {
		bucket = await startBucketServer(['golden-thread']);
		schema = await scratchSchema(postgresUrl!, `two_servers_${e2ePort}`);
		const origin = `http://localhost:${e2ePort + 6100}`;
		const env = {
			DATABASE_URL: schema.url,
			FILES_DIR: '',
			FILES_STORE: bucket.address('golden-thread'),
			AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID!,
			AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY!,
			AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
			SIGNOFF_KEY: 'golden-thread-two-servers-test-only-key-0123456789',
			// Every PDF is made in the background, so one server's job is asked about on the other.
			PDF_BACKGROUND_RECORDS: '1',
			ORIGIN: origin
		};
		servers = [ownServer('two-a', 6100, env, entry), ownServer('two-b', 6101, env, entry)];
		for (const server of servers) server.reset();
		// At once, on the empty database: they take turns to migrate and fill it.
		await Promise.all(servers.map((server) => server.start()));
		api = await request.newContext({ extraHTTPHeaders: { origin } });
	});

	test.afterAll(async () => {
		await api?.dispose();
		for (const server of servers ?? []) {
			await server.stop();
			server.reset();
		}
		await schema?.drop();
		await bucket?.close();
	});

	test('save on one, read and download on the other; sign-in limits and start-up shared', async () => {
		const [a, b] = servers;
		const made = servers.filter((s) => s.log().includes('created the demo authority'));
		expect(made, 'the demo authority is made by one server').toHaveLength(1);

		const signIn = await api.post(`${a.url}/sign-in`, {
			form: { email: demoAccounts.practitioner, password: demoPassword },
			headers: { accept: 'text/html', 'x-forwarded-for': '10.30.0.1' },
			maxRedirects: 0
		});
		expect(signIn.status(), 'signed in on the first server').toBe(303);

		// Saved on the first server: the file goes to the bucket, never a local folder.
		const save = newSave(1, 1, Buffer.from('Notes shared by every record of the round.'));
		const saved = await post(api, save, a.url);
		expect(saved.id, 'saved on the first server').toBeTruthy();
		expect(servers.map((s) => existsSync(s.files))).toEqual([false, false]);

		// Read and downloaded on the second, with the session the first one started.
		const page = await api.get(`${b.url}/portfolio/${saved.id}`);
		expect(page.status()).toBe(200);
		const html = await page.text();
		expect(html).toContain(save.title);
		for (const file of save.files) {
			const link = new RegExp(`href="(/portfolio/${saved.id}/files/[^"]+)"[^>]*>${file.name}<`);
			const path = link.exec(html)?.[1];
			expect(path, `a link to ${file.name}`).toBeTruthy();
			const download = await api.get(`${b.url}${path}`);
			expect(download.status()).toBe(200);
			expect((await download.body()).equals(file.bytes), file.name).toBe(true);
		}

		// A PDF asked for on one server is followed and downloaded on the other.
		const asked = await api.get(`${a.url}/portfolio/export.pdf`, { maxRedirects: 0 });
		expect(asked.status(), 'made in the background').toBe(303);
		const progress = asked.headers().location;
		expect(progress).toMatch(/^\/downloads\/[0-9a-f-]{36}$/);
		await expect
			.poll(
				async () =>
					(await (await api.get(`${b.url}${progress}`)).text()).includes('Your PDF is ready'),
				{
					timeout: 120_000
				}
			)
			.toBe(true);
		const pdf = await api.get(`${b.url}/portfolio/export.pdf`, { maxRedirects: 0 });
		expect(pdf.status()).toBe(200);
		expect(pdf.headers()['content-type']).toBe('application/pdf');
		expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
		// Downloaded once: it is gone from both.
		expect((await api.get(`${a.url}${progress}`)).status()).toBe(404);

		// Ten wrong passwords from one address, alternating: the eleventh try is refused on
		// either server, the right password too. (Signed out: a new context, without the session.)
		const guesser = await request.newContext({ extraHTTPHeaders: { origin: a.url } });
		const attempt = (server: OwnServer, password: string) =>
			guesser.post(`${server.url}/sign-in`, {
				form: { email: demoAccounts.colleague, password },
				headers: { accept: 'text/html', 'x-forwarded-for': '10.30.0.2' },
				maxRedirects: 0
			});
		for (let i = 0; i < 10; i++)
			expect((await attempt(servers[i % 2], `wrong guess ${i}`)).status(), `guess ${i}`).toBe(400);
		for (const server of servers) {
			const refused = await attempt(server, demoPassword);
			expect(refused.status()).toBe(429);
			expect(await refused.text()).toContain('Too many attempts to sign in');
		}
		await guesser.dispose();

		// The reminders ran on one server: one lease, and no email sent twice.
		const leases = await schema.query<{ name: string; holder: string }>(
			'select name, holder from leases'
		);
		expect(leases.map((l) => l.name)).toEqual(['reminders']);
		const twice = await schema.query(
			'select recipient, subject from outbox group by recipient, subject having count(*) > 1'
		);
		expect(twice).toEqual([]);
	});
});
