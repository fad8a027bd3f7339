// WEB_CONCURRENCY server processes on one port (Node's cluster): the first starts alone, so that
// it migrates the database and makes the demo authority before the others open it; then the
// rest. One that stops unasked is started again. SIGTERM or SIGINT is passed to each, which
// finishes what it is answering and stops (`server/app.js`); then this one exits.
import cluster from 'node:cluster';
import process from 'node:process';

/** @param {number} processes */
export function runProcesses(processes) {
	let stopping = false;
	const first = cluster.fork();
	first.once('listening', () => {
		for (let i = 1; i < processes; i++) cluster.fork();
	});
	cluster.on('exit', (worker, code, signal) => {
		if (stopping) {
			if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
			return;
		}
		console.error(
			`Server process ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another.`
		);
		cluster.fork();
	});
	/** @param {NodeJS.Signals} signal */
	const stop = (signal) => {
		if (stopping) return;
		stopping = true;
		for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
	};
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}
