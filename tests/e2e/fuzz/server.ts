import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { openReader, type Reader } from './database';

// The fuzz test's own servers: the built app on a fresh database, never the shared server the
// other browser tests use, because fuzzing changes and destroys records.

export interface FuzzServer {
	name: 'SQLite' | 'PostgreSQL';
	origin: string;
	reader: Reader;
	/** Everything the server has written to stdout and stderr so far. */
	log(): string;
	stop(): Promise<void>;
}

/** Starts `node build/index.js` as the `start` script would, and waits until it listens. */
async function startApp(port: number, env: Record<string, string>) {
	const origin = `http://localhost:${port}`;
	const child = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			ORIGIN: origin,
			BODY_SIZE_LIMIT: '210M',
			PORT: String(port),
			ADDRESS_HEADER: 'x-forwarded-for',
			SMTP_URL: '',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	// Not left running if the test is cut short (a timeout ends the worker without `finally`).
	process.once('exit', () => child.kill());
	let output = '';
	const listening = new Promise<void>((resolve, reject) => {
		const read = (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes('Listening on')) resolve();
		};
		child.stdout!.on('data', read);
		child.stderr!.on('data', read);
		child.on('exit', (code) =>
			reject(new Error(`the app on port ${port} exited (${code}) before listening:\n${output}`))
		);
	});
	await listening;
	return { origin, child, log: () => output };
}

function stopApp(child: ChildProcess) {
	return new Promise<void>((resolve) => {
		if (child.exitCode !== null) return resolve();
		child.on('exit', () => resolve());
		child.kill('SIGTERM');
	});
}

/** The app on a new SQLite file under data/, read through a read-only connection. */
export async function startSqlite(port: number): Promise<FuzzServer> {
	const file = `data/fuzz-${port}.db`;
	const files = `data/fuzz-${port}-files`;
	for (const path of [file, `${file}-wal`, `${file}-shm`, files])
		rmSync(path, { recursive: true, force: true });
	const app = await startApp(port, { DATABASE_URL: `file:./${file}`, FILES_DIR: `./${files}` });
	const reader = await openReader({ sqlite: file, files });
	return {
		name: 'SQLite',
		origin: app.origin,
		reader,
		log: app.log,
		async stop() {
			await reader.close();
			await stopApp(app.child);
		}
	};
}

/**
 * The app on a new schema of the PostgreSQL database at `url`, dropped when it stops. Named by
 * port like the SQLite file, so a run cut short leaves nothing the next one trips over.
 */
export async function startPostgres(port: number, url: string): Promise<FuzzServer> {
	const schema = `fuzz_${port}`;
	const files = `data/fuzz-${port}-files`;
	rmSync(files, { recursive: true, force: true });
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`drop schema if exists ${schema} cascade`);
	await admin.query(`create schema ${schema}`);
	const scoped = new URL(url);
	scoped.searchParams.set('options', `-c search_path=${schema}`);
	const app = await startApp(port, { DATABASE_URL: scoped.toString(), FILES_DIR: `./${files}` });
	const reader = await openReader({ postgres: scoped.toString(), schema, files });
	return {
		name: 'PostgreSQL',
		origin: app.origin,
		reader,
		log: app.log,
		async stop() {
			await reader.close();
			await stopApp(app.child);
			await admin.query(`drop schema ${schema} cascade`);
			await admin.end();
		}
	};
}
