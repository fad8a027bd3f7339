// WEB_CONCURRENCY server processes on one port (Node's cluster): the first starts alone, so that
// it migrates the database and makes the demo authority before the others open it; then the
// rest. One that stops unasked is started again. SIGTERM or SIGINT is passed to each, which
// finishes what it is answering and stops (`server/app.js`); then this one exits. This one, their
// parent, gathers /metrics from them all (process-metrics.js).
import cluster from 'node:cluster';
import process from 'node:process';
import {
	startedByParent,
	gatherMetricsForProcesses
} from '../src/lib/server/ops/process-metrics.js';

/** @param {number} processes */
export function runProcesses(processes) {
	let stopping = false;
	/** @type {Set<import('node:cluster').Worker>} */
	const listening = new Set();
	const fork = () => {
		const worker = cluster.fork({ [startedByParent]: '1' });
		worker.once('listening', () => listening.add(worker));
		worker.once('exit', () => listening.delete(worker));
		return worker;
	};
	gatherMetricsForProcesses(() => [...listening]);
	const first = fork();
	first.once('listening', () => {
		for (let i = 1; i < processes; i++) fork();
	});
	cluster.on('exit', (worker, code, signal) => {
		if (stopping) {
			if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
			return;
		}
		console.error(
			`Server process ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another.`
		);
		fork();
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
