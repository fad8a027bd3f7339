import { renameSync } from 'node:fs';
import http from 'node:http';
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { ownServer } from './own-server';

// What operations see: /healthz and /readyz for the load balancer, /metrics for Prometheus
// behind its token, and one JSON log line per request that never holds a password, a token or
// a path. `npm start`'s server, on a port and data of its own, logging at info.

const metricsToken = 'operations-test-metrics-token-0123456789';
const server = ownServer(
	'operations',
	6000,
	{
		DEMO_DATA: 'off',
		ADMIN_EMAIL: 'admin@operations.test',
		METRICS_TOKEN: metricsToken,
		LOG_LEVEL: 'info'
	},
	'server/index.js'
);

/** The log's request lines, parsed. */
const requestLines = () =>
	server
		.log()
		.split('\n')
		.filter((line) => line.startsWith('{'))
		.map((line) => JSON.parse(line) as Record<string, unknown>)
		.filter((line) => line.msg === 'request');

test.describe.configure({ mode: 'serial' });

test.describe('operations', () => {
	let api: APIRequestContext;
	test.beforeAll(async () => {
		server.reset();
		await server.start();
		api = await request.newContext({
			baseURL: server.url,
			extraHTTPHeaders: { 'x-forwarded-for': '10.50.0.1' }
		});
	});
	test.afterAll(async () => {
		await api.dispose();
		await server.stop();
		server.reset();
	});

	test('/healthz says the process is up, /readyz that it is ready: JSON, with a request id', async () => {
		const health = await api.get('/healthz');
		expect(health.status()).toBe(200);
		expect(health.headers()['content-type']).toBe('application/json');
		expect(await health.json()).toEqual({ status: 'ok' });
		expect(health.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

		const ready = await api.get('/readyz');
		expect(ready.status()).toBe(200);
		expect(await ready.json()).toEqual({
			status: 'ok',
			checks: { database: 'ok', fileStore: 'ok', migrations: 'ok' }
		});
	});

	test('/readyz answers 503, naming the file store, while the store cannot be reached', async () => {
		const aside = `${server.files}-aside`;
		renameSync(server.files, aside);
		try {
			const ready = await api.get('/readyz');
			expect(ready.status()).toBe(503);
			expect(await ready.json()).toEqual({
				status: 'unavailable',
				checks: { database: 'ok', fileStore: 'failing', migrations: 'ok' }
			});
		} finally {
			renameSync(aside, server.files);
		}
		expect((await api.get('/readyz')).status()).toBe(200);
	});

	test('/metrics is for whoever has METRICS_TOKEN, in Prometheus text', async () => {
		for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${metricsToken}`]) {
			const refused = await api.get('/metrics', {
				headers: authorization ? { authorization } : {}
			});
			expect(refused.status(), authorization).toBe(401);
			expect(refused.headers()['www-authenticate']).toBe('Bearer');
		}
		await api.get('/healthz');
		const metrics = await api.get('/metrics', {
			headers: { authorization: `Bearer ${metricsToken}` }
		});
		expect(metrics.status()).toBe(200);
		expect(metrics.headers()['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
		const text = await metrics.text();
		expect(text).toMatch(
			/^http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} [1-9]/m
		);
		expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
		expect(text).toMatch(/^golden_thread_outbox_unsent \d+$/m);
	});

	test('one log line per request, by route id: no password, token, email or query string', async () => {
		const password = 'correct-horse-battery-staple-9';
		const email = 'someone.private@operations.test';
		const token = server.log().match(/\/set-password\/(\S+)/)?.[1];
		expect(token, 'the first administrator’s link').toBeTruthy();
		const origin = { origin: server.url, accept: 'text/html' };
		const answers = [
			await api.post('/sign-in?next=%2Fsecret-place', {
				form: { email, password },
				headers: origin,
				maxRedirects: 0
			}),
			await api.get(`/set-password/${token}?token=${token}`),
			await api.get('/healthz', { headers: { 'x-request-id': 'proxy-assigned-0001' } })
		];
		expect(answers.map((a) => a.status())).toEqual([400, 200, 200]);
		expect(answers[2].headers()['x-request-id']).toBe('proxy-assigned-0001');
		const ids = answers.map((a) => a.headers()['x-request-id']);
		// Lines are written as requests end; the output may arrive a moment after the answer. The
		// health check is not among them: it is logged at debug only (asked every few seconds).
		await expect
			.poll(() => requestLines().filter((line) => ids.includes(line.requestId as string)).length)
			.toBe(2);
		const lines = requestLines().filter((line) => ids.includes(line.requestId as string));
		expect(lines.map(({ method, route, status }) => ({ method, route, status }))).toEqual([
			{ method: 'POST', route: '/sign-in', status: 400 },
			{ method: 'GET', route: '/set-password/[token]', status: 200 }
		]);
		for (const line of lines) expect(line.ms).toEqual(expect.any(Number));
		const logged = requestLines()
			.map((line) => JSON.stringify(line))
			.join('\n');
		for (const secret of [password, email, token!, 'secret-place', 'next='])
			expect(logged).not.toContain(secret);
	});
});

// `npm start` runs a server process for each processor: a scrape reaches one of them, and must
// count what every one of them answered.
const processes = ownServer(
	'operations-processes',
	6010,
	{
		DEMO_DATA: 'off',
		ADMIN_EMAIL: 'admin@operations.test',
		METRICS_TOKEN: metricsToken,
		WEB_CONCURRENCY: '2'
	},
	'server/index.js'
);

/** A GET on a connection of its own, which Node's cluster gives each process in turn. */
function getAlone(url: string, headers: Record<string, string> = {}) {
	return new Promise<{ status: number; body: string }>((resolve, reject) => {
		const asked = http.get(url, { agent: false, headers }, (response) => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk) => (body += chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
		});
		asked.on('error', reject);
	});
}

test.describe('operations with two server processes', () => {
	test.afterAll(async () => {
		await processes.stop();
		processes.reset();
	});

	test('/metrics adds up what every process counted, and counts the outbox once', async () => {
		processes.reset();
		await processes.start();
		// The first process answers once it has made the database; then the second starts.
		await expect.poll(() => processes.listening(), { timeout: 120_000 }).toBe(2);
		const health = `${processes.url}/healthz`;
		for (let i = 0; i < 20; i++) expect((await getAlone(health)).status).toBe(200);
		// Two emails waiting, which each process reads from the one outbox.
		const db = new Database(processes.database);
		const mail = db.prepare(
			"insert into outbox (id, recipient, subject, body, created_at) values (?, 'a@operations.test', 'Waiting', '', '2026-12-03T10:00:00.000Z')"
		);
		for (const id of ['outbox-waiting-1', 'outbox-waiting-2']) mail.run(id);
		db.close();
		const authorization = `Bearer ${metricsToken}`;
		// Asked of each process in turn: each answer is the whole service's.
		for (let i = 0; i < 2; i++) {
			const scrape = await getAlone(`${processes.url}/metrics`, { authorization });
			expect(scrape.status).toBe(200);
			expect(scrape.body).toMatch(
				/^http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} 20$/m
			);
			expect(scrape.body).toMatch(/^golden_thread_outbox_unsent 2$/m);
		}
	});
});
