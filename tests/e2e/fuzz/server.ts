import { ownServer } from '../own-server';
import { e2ePort } from '../server';
import { scratchSchema } from '../postgres';
import { openReader, type Reader } from './database';

// The fuzz test's own servers: the app as `npm start` runs it, on a fresh database each, never
// the shared server the other browser tests use, because fuzzing changes and destroys records.

export interface FuzzServer {
	name: 'SQLite' | 'PostgreSQL';
	origin: string;
	/** Its DATABASE_URL, for the commands a deployment runs beside it (`npm run create-token`). */
	databaseUrl: string;
	reader: Reader;
	/** Everything the server has written to stdout and stderr so far. */
	log(): string;
	cpuSeconds(): number | undefined;
	stop(): Promise<void>;
}

const entry = 'server/index.js';

/** The app on a new SQLite file, read through read-only connections. */
export async function startSqlite(offset: number): Promise<FuzzServer> {
	const server = ownServer('fuzz', offset, {}, entry);
	server.reset();
	await server.start();
	const reader = await openReader({ sqlite: server.database, files: server.files });
	return {
		name: 'SQLite',
		origin: server.url,
		databaseUrl: `file:./${server.database}`,
		reader,
		log: server.log,
		cpuSeconds: server.cpuSeconds,
		async stop() {
			await reader.close();
			await server.stop();
			server.reset();
		}
	};
}

/**
 * The app on a new schema of the PostgreSQL database at `url`, dropped when it stops. Named by
 * port like the SQLite file, so a run cut short leaves nothing the next one trips over.
 */
export async function startPostgres(offset: number, url: string): Promise<FuzzServer> {
	const schema = `fuzz_${e2ePort + offset}`;
	const scratch = await scratchSchema(url, schema);
	const env = {
		DATABASE_URL: scratch.url,
		SIGNOFF_KEY: 'golden-thread-fuzz-test-only-sign-off-key-0123456789'
	};
	const server = ownServer('fuzz-postgres', offset, env, entry);
	server.reset();
	await server.start();
	const reader = await openReader({ postgres: scratch.url, schema, files: server.files });
	return {
		name: 'PostgreSQL',
		origin: server.url,
		databaseUrl: scratch.url,
		reader,
		log: server.log,
		cpuSeconds: server.cpuSeconds,
		async stop() {
			await reader.close();
			await server.stop();
			server.reset();
			await scratch.drop();
		}
	};
}
