import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { startOptions } from '../../server/start-options.js';
import { e2ePort } from './server';

// A server of a test's own, for tests that must start it with other settings (a small body
// limit) or kill it. Each kind gets its own port and data, named from E2E_PORT so two runs on
// one machine never share them; its database survives restarts until `reset` is called.

/** How a server's process ended: its exit code, or the signal that ended it. */
export interface Ended {
	code: number | null;
	signal: NodeJS.Signals | null;
}

export interface OwnServer {
	url: string;
	database: string;
	files: string;
	/** Starts it (a first start creates the demo authority) and waits until it answers. */
	start(): Promise<void>;
	/** Kills it with a signal (SIGTERM unless told) and waits for it to be gone: how it ended. */
	stop(signal?: NodeJS.Signals): Promise<Ended>;
	/** Removes its database and files; call when it is stopped. */
	reset(): void;
	/** Everything it has written to stdout and stderr since it last started. */
	log(): string;
	/** How many of its server processes have said they listen since it last started. */
	listening(): number;
	/** The processor time it has used since it last started, in seconds, where Linux says. */
	cpuSeconds(): number | undefined;
}

/**
 * `offset` keeps each kind of own server apart from the main one and from each other. `entry`
 * is adapter-node's own server unless told; `server/index.js` is what `npm start` runs.
 */
export function ownServer(
	name: string,
	offset: number,
	env: Record<string, string> = {},
	entry = 'build/index.js'
) {
	const port = e2ePort + offset;
	const url = `http://localhost:${port}`;
	const database = `data/e2e-${name}-${port}.db`;
	const files = `data/e2e-${name}-${port}-files`;
	let child: ChildProcess | undefined;
	let exited: Promise<Ended> = Promise.resolve({ code: null, signal: null });
	let output = '';

	async function start() {
		output = '';
		child = spawn(process.execPath, [...startOptions(), entry], {
			env: {
				...process.env,
				PORT: String(port),
				ORIGIN: url,
				BODY_SIZE_LIMIT: '210M',
				DATABASE_URL: `file:./${database}`,
				FILES_DIR: `./${files}`,
				ADDRESS_HEADER: 'x-forwarded-for',
				SMTP_URL: '',
				LOG_LEVEL: process.env.LOG_LEVEL || 'silent',
				// One process, as in the browser tests' server; a test of several sets its own.
				WEB_CONCURRENCY: '1',
				...env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child.stdout?.on('data', (chunk) => (output += chunk));
		child.stderr?.on('data', (chunk) => (output += chunk));
		const running = child;
		exited = new Promise((resolve) =>
			running.once('exit', (code, signal) => resolve({ code, signal }))
		);
		await answering(running);
	}

	/** Polls until the server answers at all; fails at once if it stops instead. */
	async function answering(running: ChildProcess) {
		while (running.exitCode === null && running.signalCode === null) {
			try {
				await fetch(url, { redirect: 'manual' });
				return;
			} catch {
				// Not listening yet: it listens once migrations, seeding and the file sweep are done.
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
		}
		throw new Error(`The ${name} server stopped while starting:\n${output}`);
	}

	async function stop(signal: NodeJS.Signals = 'SIGTERM') {
		child?.kill(signal);
		return exited;
	}

	function reset() {
		for (const path of [
			database,
			`${database}-wal`,
			`${database}-shm`,
			`${database}.signoff-key`,
			files
		])
			rmSync(path, { recursive: true, force: true });
	}

	function cpuSeconds() {
		try {
			// utime and stime, the 14th and 15th fields, in clock ticks (100 a second on Linux).
			const fields = readFileSync(`/proc/${child?.pid}/stat`, 'utf8').split(') ')[1].split(' ');
			return (Number(fields[11]) + Number(fields[12])) / 100;
		} catch {
			return undefined;
		}
	}

	return {
		url,
		database,
		files,
		start,
		stop,
		reset,
		log: () => output,
		listening: () => output.match(/Listening on /g)?.length ?? 0,
		cpuSeconds
	} satisfies OwnServer;
}
