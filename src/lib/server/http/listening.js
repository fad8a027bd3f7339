// How the server entry (`server/index.js`) listens: plain JavaScript, read once at start.
import { availableParallelism } from 'node:os';

/** Seconds an idle kept-alive connection stays open unless KEEP_ALIVE_TIMEOUT says otherwise:
 * above the 60 seconds most load balancers and proxies keep theirs, so that the server never
 * closes a connection at the moment the proxy (or any client) sends the next request on it,
 * which the client sees as a reset ("socket hang up"). Node's own default is 5 seconds. */
export const defaultKeepAliveSeconds = 65;

/**
 * @param {Record<string, string | undefined>} env
 * @returns {{ keepAliveTimeout: number, headersTimeout: number | undefined,
 *   listen: { path: string } | { host: string, port: number } }}
 */
export function listening(env) {
	const keepAlive = seconds(env, 'KEEP_ALIVE_TIMEOUT') ?? defaultKeepAliveSeconds;
	const headers = seconds(env, 'HEADERS_TIMEOUT');
	return {
		keepAliveTimeout: keepAlive * 1000,
		// Node wants the headers' timeout above the keep-alive one, or it may cut a request
		// that arrives on a kept-alive connection just before it closes.
		headersTimeout: headers === undefined ? keepAlive * 1000 + 1000 : headers * 1000,
		listen: env.SOCKET_PATH
			? { path: env.SOCKET_PATH }
			: { host: env.HOST || '0.0.0.0', port: Number(env.PORT ?? 3000) }
	};
}

/** Server processes at most unless WEB_CONCURRENCY says more: each holds about 200 MB, and a
 * demo on a laptop of sixteen processors has no use for sixteen. */
export const defaultProcessesAtMost = 4;

/**
 * How many server processes `npm start` runs on this machine: WEB_CONCURRENCY, or unless set one
 * for each processor the machine gives it (Node's `availableParallelism`), as one process keeps
 * one processor busy at most, up to `defaultProcessesAtMost`. A container limited to fewer
 * processors than its host has should set WEB_CONCURRENCY, as Node 20 counts the host's.
 * @param {Record<string, string | undefined>} env
 * @param {number} processors
 */
export function serverProcesses(env, processors = availableParallelism()) {
	const value = env.WEB_CONCURRENCY;
	if (value === undefined || value === '')
		return Math.min(defaultProcessesAtMost, Math.max(1, processors));
	const number = Number(value);
	if (!Number.isInteger(number) || number < 1)
		throw new Error(
			`WEB_CONCURRENCY should be a whole number of processes, 1 or more, not "${value}"`
		);
	return number;
}

/** @param {Record<string, string | undefined>} env @param {string} name */
function seconds(env, name) {
	const value = env[name];
	if (value === undefined || value === '') return undefined;
	const number = Number(value);
	if (!Number.isFinite(number) || number < 0)
		throw new Error(`${name} should be a number of seconds, not "${value}"`);
	return number;
}
