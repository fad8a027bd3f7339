import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { base, pswEmail, pswPassword, requests, warmUp } from './settings.js';

// Signing in as the principal social worker, and timing a page from the client's side, with
// the processor time the server spent on it: on a machine busy with other work the wall-clock
// times grow with the queue for the processors, but the processor time a request takes does not.

const percentile = (sorted, p) =>
	sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Signs in (as the principal social worker unless told) and returns the session cookie. */
export async function signIn(email = pswEmail, password = pswPassword) {
	const response = await fetch(`${base}/sign-in`, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: base,
			accept: 'text/html'
		},
		body: new URLSearchParams({ email, password }),
		redirect: 'manual'
	});
	await response.arrayBuffer();
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.filter((c) => !c.endsWith('='))
		.join('; ');
	if (response.status !== 303 || !cookie)
		throw new Error(`signing in as ${email} answered ${response.status} without a session`);
	return cookie;
}

/**
 * A process's processor time so far, user and system, in ms, with its children's (the server
 * processes `WEB_CONCURRENCY` starts under the first); Linux only, 0 elsewhere.
 */
export function cpuMs(pid) {
	try {
		// After the command's closing parenthesis: fields 14 and 15 of stat, utime and stime.
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		const own = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
		return own + childrenOf(pid).reduce((sum, child) => sum + cpuMs(child), 0);
	} catch {
		return 0;
	}
}

/** The processes a process has started and not yet seen end. */
function childrenOf(pid) {
	try {
		return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean);
	} catch {
		return [];
	}
}

/**
 * `requests` sequential requests for a page after `warmUp`: its status, times, size, and the
 * server process's (`pid`) processor time per request. `before` runs ahead of each request,
 * untimed, in the bench's own process.
 */
export async function time(path, cookie, pid, before) {
	const get = () => fetch(base + path, { headers: { cookie }, redirect: 'manual' });
	for (let i = 0; i < warmUp; i++) {
		await before?.();
		await (await get()).arrayBuffer();
	}
	const samples = [];
	let bytes = 0;
	let status = 0;
	const cpuBefore = cpuMs(pid);
	for (let i = 0; i < requests; i++) {
		await before?.();
		const start = performance.now();
		const response = await get();
		const body = await response.arrayBuffer();
		samples.push(performance.now() - start);
		status = response.status;
		bytes = body.byteLength;
	}
	const cpu = (cpuMs(pid) - cpuBefore) / requests;
	samples.sort((a, b) => a - b);
	return {
		path,
		status,
		cpu,
		p50: percentile(samples, 50),
		p95: percentile(samples, 95),
		max: samples.at(-1),
		bytes
	};
}
