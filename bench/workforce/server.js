import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { startOptions } from '../../server/start-options.js';
import { createInterface } from 'node:readline';
import { base, buildDir, dbPath, port } from './settings.js';

// The production build (BENCH_BUILD, else build/), started on the bench database with its own
// file store: by adapter-node's own entry, or by `entry`, such as `npm start`'s `server/index.js`
// (which serves build/).

export function startServer(extraEnv = {}, entry = `${buildDir}/index.js`) {
	const env = {
		...process.env,
		DATABASE_URL: `file:${dbPath}`,
		// Its own file store: a store belongs to one database (the server checks at start).
		FILES_DIR: `${dbPath}-files`,
		DEMO_DATA: 'off',
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: base,
		// The bench signs in with a password alone; a real authority's PSW would have a second factor.
		MFA_REQUIRED_ROLES: '',
		...extraEnv
	};
	delete env.SMTP_URL; // the review reminders sent at start-up stay in the outbox
	const child = spawn(process.execPath, [...startOptions(), entry], {
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	showErrorsOnce(child.stderr);
	const server = { child, running: true, listening: 0 };
	// Each server process says when it listens (`npm start` may run several); the rest is read
	// and dropped.
	let rest = '';
	child.stdout.on('data', (chunk) => {
		const lines = (rest + chunk).split('\n');
		rest = lines.pop() ?? '';
		server.listening += lines.filter((line) => line.startsWith('Listening on ')).length;
	});
	server.exited = new Promise((resolve) =>
		child.once('exit', (code) => {
			server.running = false;
			resolve(code);
		})
	);
	return server;
}

/**
 * The server's errors, each once (a failing page fails on every request), less its note of
 * every page not found (the pages not built yet).
 */
function showErrorsOnce(stderr) {
	const seen = new Set();
	let showing = true;
	createInterface({ input: stderr }).on('line', (line) => {
		if (!line.trim() || /\[404\] GET /.test(line)) return;
		if (!/^\s+at /.test(line)) {
			showing = !seen.has(line);
			seen.add(line);
		}
		if (showing) console.error(line);
	});
}

/**
 * Deletes a bench's SQLite database and its file store (`<db>-files`): the app refuses a store
 * another database marked as its own. The sign-off key stays, as the app made it.
 */
export function removeDatabase(dbPath) {
	for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
	rmSync(`${dbPath}-files`, { recursive: true, force: true });
}

/** The production build on a fresh demo authority, in a database (and file store) of its own. */
export async function startDemoServer(dbPath, entry) {
	removeDatabase(dbPath);
	const server = startServer(
		{
			DATABASE_URL: `file:${dbPath}`,
			FILES_DIR: `${dbPath}-files`,
			DEMO_DATA: 'on'
		},
		entry
	);
	try {
		await waitForServer(server);
	} catch (error) {
		await stopServer(server);
		throw error;
	}
	return server;
}

/** Waits until `processes` server processes have said they are listening. */
export async function waitForProcesses(server, processes) {
	while (server.listening < processes) {
		if (!server.running) throw new Error('the server stopped while starting (see above)');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

export async function stopServer(server) {
	if (!server) return;
	if (server.running) server.child.kill();
	await server.exited;
}

/**
 * Waits until GET / answers at all. Start-up migrates, seals the sign-off chains the first time
 * and sends the reminders due before it answers: at 40,000 practitioners, minutes the first time.
 */
export async function waitForServer(server, minutes = 30) {
	const started = Date.now();
	let said = started;
	while (Date.now() - started < minutes * 60_000) {
		if (!server.running) throw new Error('the server stopped while starting (see above)');
		try {
			await (await fetch(`${base}/`, { redirect: 'manual' })).arrayBuffer();
			return;
		} catch {
			// not listening yet
		}
		if (Date.now() - said > 60_000) {
			console.log(`  still starting after ${Math.round((Date.now() - started) / 60_000)} min…`);
			said = Date.now();
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`the server did not start on ${base}; run "npm run build" first`);
}
