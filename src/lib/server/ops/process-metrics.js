// /metrics when `npm start` runs several server processes (server/processes.js): whichever
// process a scrape reaches asks their parent, the process that started them, which asks every
// server process for its own metrics and adds them up with prom-client's AggregatorRegistry
// (counters and histograms summed; each gauge as its `aggregator` says), so that a scrape counts
// every request the service answered, not those of the process it reached. Plain JavaScript: the
// parent runs it without the build.
import cluster from 'node:cluster';
import process from 'node:process';
import { AggregatorRegistry } from 'prom-client';

const gather = 'golden-thread:gather-metrics';
const own = 'golden-thread:own-metrics';
/** Set by the parent on the server processes it starts: they ask it, and answer it. */
export const startedByParent = 'GOLDEN_THREAD_SERVER_PROCESS';
/** How long the parent waits for each process's metrics; the asking process waits a second
 * longer, so that it hears which process did not answer. */
const waitMs = 5000;

/** One process's answer to a request numbered `id`, as it arrives over its channel. */
function answerOf(
	/** @type {any} */ message,
	/** @type {string} */ type,
	/** @type {number} */ id
) {
	return message && message.type === type && message.id === id ? message : undefined;
}

/**
 * Sends `request` over `channel` and waits for the answer with its type and id, or fails after
 * `ms`.
 * @param {{ send?(message: unknown): unknown, on(event: 'message', f: (message: any) => void): unknown, off(event: 'message', f: (message: any) => void): unknown }} channel
 * @param {{ type: string, id: number }} request
 * @returns {Promise<any>}
 */
function ask(channel, request, ms = waitMs) {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => done(new Error('no answer')), ms);
		/** @param {any} message */
		const listen = (message) => {
			const answer = answerOf(message, request.type, request.id);
			if (answer) done(answer.error ? new Error(answer.error) : undefined, answer);
		};
		/** @param {Error | undefined} error @param {any} [answer] */
		function done(error, answer) {
			clearTimeout(timer);
			channel.off('message', listen);
			if (error) reject(error);
			else resolve(answer);
		}
		channel.on('message', listen);
		channel.send?.(request);
	});
}

let asked = 0;

/** Whether this is a server process our parent started (server/processes.js). */
const startedByOurParent = () => cluster.isWorker && Boolean(process.env[startedByParent]);

/**
 * In a server process: every process's metrics, added up, when our parent started this one;
 * otherwise this process's own (one process, or processes something else started).
 * @param {import('prom-client').Registry} registry
 * @returns {Promise<string>}
 */
export async function metricsOfEveryProcess(registry) {
	if (!startedByOurParent()) return registry.metrics();
	const answer = await ask(process, { type: gather, id: ++asked }, waitMs + 1000);
	return answer.text;
}

/**
 * In a server process our parent started: answers the parent's asking for this process's
 * metrics, from `registry`.
 * @param {import('prom-client').Registry} registry
 */
export function answerForOwnMetrics(registry) {
	if (!startedByOurParent()) return;
	process.on('message', async (/** @type {any} */ message) => {
		if (message?.type !== own) return;
		try {
			process.send?.({ type: own, id: message.id, metrics: await registry.getMetricsAsJSON() });
		} catch (error) {
			process.send?.({ type: own, id: message.id, error: /** @type {Error} */ (error).message });
		}
	});
}

/**
 * In the parent: answers a server process asking for everyone's metrics, by asking each
 * process that is listening (a process still starting has answered nothing yet) and adding
 * theirs up. A process that does not answer in time fails the scrape (named by its pid) rather
 * than lowering the counts.
 * @param {() => import('node:cluster').Worker[]} listening
 */
export function gatherMetricsForProcesses(listening) {
	cluster.on('message', async (asking, /** @type {any} */ message) => {
		if (message?.type !== gather) return;
		try {
			const id = ++asked;
			const answers = await Promise.all(
				listening().map((w) =>
					ask(w, { type: own, id }).catch((error) => {
						throw new Error(`process ${w.process.pid}: ${error.message}`);
					})
				)
			);
			const total = AggregatorRegistry.aggregate(answers.map((a) => a.metrics));
			asking.send({ type: gather, id: message.id, text: await total.metrics() });
		} catch (error) {
			const because = /** @type {Error} */ (error).message;
			asking.send({ type: gather, id: message.id, error: `metrics not gathered: ${because}` });
		}
	});
}
