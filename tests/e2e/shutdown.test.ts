import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import Database from 'better-sqlite3';
import { ownServer, type Ended } from './own-server';
import { burst, expectWhole } from './saves';
import { e2ePort } from './server';
import { apiAs, demoAccounts } from './session';

// `npm start`'s server (server/index.js) on a port and database of its own, as if behind an
// HTTPS proxy: its static files carry HSTS, a connection stays usable after an answer given
// before the body was read, and on SIGTERM a request already in flight is
// answered in full, new connections are refused, and the process ends. Told to stop during a
// burst of saves, it answers every save already sent and loses none it acknowledged.
const port = e2ePort + 100;
const origin = `https://localhost:${port}`;
const address = `http://127.0.0.1:${port}`;
const database = `data/e2e-${port}-shutdown.db`;
// A file store of its own: the store names its database, so one left by another would stop it.
const files = `data/e2e-${port}-shutdown-files`;

const removeDatabase = () => {
	for (const suffix of ['', '-wal', '-shm', '.signoff-key'])
		rmSync(database + suffix, { force: true });
	rmSync(files, { recursive: true, force: true });
};

async function startServer() {
	removeDatabase();
	const server = spawn('node', ['server/index.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_URL: `file:./${database}`,
			FILES_DIR: `./${files}`,
			DEMO_DATA: 'off',
			ADMIN_EMAIL: 'admin@shutdown.test',
			SMTP_URL: ''
		},
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise<void>((resolve, reject) => {
		server.stdout!.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('Listening on')) resolve();
		});
		server.once('exit', (code) => reject(new Error(`the server stopped (${code})`)));
	});
	return server;
}

/** Whether a new connection to the server is refused. */
const refused = () =>
	new Promise<boolean>((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.once('connect', () => resolve(!!socket.destroy()));
		socket.once('error', () => resolve(true));
	});

test.describe.configure({ mode: 'serial' });

test.describe('the production server', () => {
	let server: ChildProcess;
	test.beforeAll(async () => (server = await startServer()));
	test.afterAll(() => {
		server.kill('SIGKILL');
		removeDatabase();
	});

	test('behind an https ORIGIN, static files carry Strict-Transport-Security', async ({
		request
	}) => {
		const response = await request.get(`${address}/favicon.svg`);
		expect(response.status()).toBe(200);
		expect(response.headers()['strict-transport-security']).toBe(
			'max-age=31536000; includeSubDomains'
		);
		expect(response.headers()['x-content-type-options']).toBe('nosniff');
	});

	test('an answer given before the body was read leaves the connection free for the next request', async () => {
		// Signed out, a post to a form is sent to sign in before its body is read.
		const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
		const post = (path: string, body: Buffer | string) =>
			new Promise<{ status?: number; reused: boolean }>((resolve, reject) => {
				const request = http.request(`${address}${path}`, {
					method: 'POST',
					agent,
					headers: {
						origin,
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded',
						'content-length': Buffer.byteLength(body)
					}
				});
				request.on('response', (response) => {
					response.resume();
					response.on('end', () =>
						resolve({ status: response.statusCode, reused: request.reusedSocket })
					);
				});
				request.on('error', reject);
				request.end(body);
			});
		try {
			const unread = await post('/portfolio/new', `title=${'a'.repeat(300_000)}`);
			expect(unread).toEqual({ status: 303, reused: false });
			// Before, the rest of that body held the connection until it timed out and was reset.
			const next = await post('/sign-in', 'email=nobody%40shutdown.test&password=wrong');
			expect(next).toEqual({ status: 400, reused: true });
		} finally {
			agent.destroy();
		}
	});

	test('a request in flight when it is told to stop is answered, then it stops', async () => {
		const exited = once(server, 'exit');
		// A sign-in whose body is still arriving; "100 Continue" says the server is handling it.
		const request = http.request(`${address}/sign-in`, {
			method: 'POST',
			headers: {
				origin,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded',
				expect: '100-continue'
			}
		});
		const answered = once(request, 'response') as Promise<[http.IncomingMessage]>;
		request.flushHeaders();
		await once(request, 'continue');
		request.write('email=nobody%40shutdown.test');

		server.kill('SIGTERM');
		await expect.poll(refused, { message: 'new connections are refused' }).toBe(true);
		request.end('&password=a+wrong+guess');
		const [response] = await answered;
		let body = '';
		for await (const chunk of response) body += chunk;
		expect(response.statusCode).toBe(400);
		expect(body).toContain('Enter a correct email address and password');

		expect(await exited).toEqual([0, null]);
	});
});

// `npm start`'s server with the demo authority, on a port and data of its own: in one process,
// and in two sharing the port (WEB_CONCURRENCY), which take turns at SQLite's write lock.
for (const processes of [1, 2]) {
	const many = processes > 1 ? ` in ${processes} processes` : '';
	test.describe(`the production server${many} told to stop during a burst of saves`, () => {
		// Its deadline and idle connections' timeout past the test's own: a server that waited for
		// either, rather than closing each kept-alive connection once its last answer is sent, would
		// never stop in time.
		const env: Record<string, string> = {
			WEB_CONCURRENCY: String(processes),
			SHUTDOWN_TIMEOUT: '3600',
			KEEP_ALIVE_TIMEOUT: '3600'
		};
		const busy = ownServer(`shutdown-burst-${processes}`, 149 + processes, env, 'server/index.js');
		test.afterAll(async () => {
			await busy.stop('SIGKILL');
			busy.reset();
		});

		test('finishes the saves in flight, loses nothing it acknowledged, and exits cleanly', async () => {
			busy.reset();
			await busy.start();
			// The first process answers once it has made the database; then the others start.
			await expect.poll(() => busy.listening(), { timeout: 120_000 }).toBe(processes);
			const api = await apiAs(busy.url, demoAccounts.practitioner);
			let ended: Ended | undefined;
			const { acknowledged, finishedAfterStop } = await burst(api, 1, {
				atOnce: 6,
				stopAfter: 3,
				stop: async () => void (ended = await busy.stop('SIGTERM'))
			});
			expect(ended, busy.log()).toEqual({ code: 0, signal: null });
			// Saves sent before SIGTERM and answered after it: the server finished them as it stopped.
			expect(finishedAfterStop).toBeGreaterThan(0);
			await busy.start();
			const db = new Database(busy.database, { readonly: true });
			try {
				for (const save of acknowledged) await expectWhole(api, db, save.id, save);
			} finally {
				db.close();
			}
		});
	});
}
