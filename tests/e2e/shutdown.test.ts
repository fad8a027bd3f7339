import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { e2ePort } from './server';

// `npm start`'s server (server/index.js) on a port and database of its own: on SIGTERM a request
// already in flight is answered in full, new connections are refused, and the process ends.
const port = e2ePort + 100;
const origin = `http://localhost:${port}`;
const database = `data/e2e-${port}-shutdown.db`;

const removeDatabase = () => {
	for (const suffix of ['', '-wal', '-shm']) rmSync(database + suffix, { force: true });
};

function startServer() {
	removeDatabase();
	const server = spawn('node', ['server/index.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_URL: `file:./${database}`,
			DEMO_DATA: 'off',
			ADMIN_EMAIL: 'admin@shutdown.test',
			SMTP_URL: ''
		},
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const listening = new Promise<void>((resolve, reject) => {
		server.stdout.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('Listening on')) resolve();
		});
		server.once('exit', (code) => reject(new Error(`the server stopped (${code})`)));
	});
	return { server, listening };
}

/** Whether a new connection to the server is refused. */
const refused = () =>
	new Promise<boolean>((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.once('connect', () => resolve(!!socket.destroy()));
		socket.once('error', () => resolve(true));
	});

test('a request in flight when the server is told to stop is answered, then it stops', async () => {
	const { server, listening } = startServer();
	const exited = once(server, 'exit');
	try {
		await listening;
		// A sign-in whose body is still arriving; "100 Continue" says the server is handling it.
		const request = http.request(`${origin}/sign-in`, {
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
	} finally {
		server.kill('SIGKILL');
		removeDatabase();
	}
});
