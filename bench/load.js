// Many people at once: 50 concurrent connections (autocannon) for 10 seconds a page, after 15
// seconds of the same load to warm the page up (its own p99 printed, not held to the target),
// each signed in as whoever the page is for, on the practitioner's coverage, the supervisor's
// pages and the workforce pages, beside a static file and a public page of the same server (what
// the server does without the database, and without rendering). A fresh demo authority in a
// database of its own. The target: p99 under 300 ms.
// Usage: npm run build && npm run bench:load
//   BENCH_LOAD_DB=data/bench-load.db  the database file (made afresh every run)
//   BENCH_CONNECTIONS=50              concurrent connections, each sending its next request
//                                     when the last is answered
//   BENCH_SECONDS=10                  how long each page is loaded for
//   BENCH_WARMUP=15                   seconds of the same load first, each page (0: none): a
//                                     fresh process answers a page at about half the rate it
//                                     reaches after 10 to 15 s of it, as V8 compiles its code
//   BENCH_PORT=4350                   the port the production server listens on
//   BENCH_PAGES=supervision         only the pages whose path (as the table names it) matches
//   BENCH_ENTRY=server/index.js       the server entry: `npm start`'s (the default), or build/index.js
//                                     (adapter-node's own) to compare
//   WEB_CONCURRENCY                   server processes, as for `npm start`: one a processor
//                                     up to four unless set (each answers every page once first)
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import { serverProcesses } from '../src/lib/server/http/listening.js';

process.env.BENCH_PORT ??= '4350';
const dbPath = process.env.BENCH_LOAD_DB || 'data/bench-load.db';
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmup = Number(process.env.BENCH_WARMUP ?? 15);
const targetP99 = 300;
// As `npm start` serves it, unless told: the entry that begins requests in the order they came.
const entry = process.env.BENCH_ENTRY || 'server/index.js';
const only = new RegExp(process.env.BENCH_PAGES ?? '');
// As many server processes as `npm start` runs here (WEB_CONCURRENCY, else one a processor, up
// to four), when the entry is its own.
const processes = entry === 'server/index.js' ? serverProcesses(process.env) : 1;
const { startDemoServer, stopServer, waitForProcesses } = await import('./workforce/server.js');
const { base } = await import('./workforce/settings.js');
const { cpuMs, signIn } = await import('./workforce/timing.js');
const demoPassword = 'golden-thread-demo';

/** The demo practitioner's id, for her supervisor's page of her. */
function practitionerId() {
	const db = new SQLite(dbPath, { readonly: true });
	try {
		return db.prepare('select id from users where email = ?').get('practitioner@demo.test').id;
	} finally {
		db.close();
	}
}

/** Each page with who it is for: nobody for the static file and the public page. */
function pages(priya) {
	return [
		{ path: '/favicon.svg', as: null },
		{ path: '/framework/2.3', as: null },
		{ path: '/portfolio/coverage', as: 'practitioner@demo.test' },
		{ path: '/supervision', as: 'supervisor@demo.test' },
		{ path: `/supervision/${priya}`, as: 'supervisor@demo.test', label: '/supervision/<priya>' },
		{ path: '/workforce', as: 'psw@demo.test' },
		{ path: '/workforce/progress', as: 'psw@demo.test' },
		{ path: '/workforce/cpd', as: 'psw@demo.test' },
		{ path: '/workforce/audits', as: 'psw@demo.test' }
	];
}

/** The page's size in bytes, asked on a connection of its own. */
function sizeOf(path, cookie) {
	return new Promise((resolve, reject) => {
		const headers = cookie ? { cookie } : {};
		const asked = http.get(base + path, { agent: false, headers }, (response) => {
			let bytes = 0;
			response.on('data', (chunk) => (bytes += chunk.length));
			response.on('end', () => resolve(bytes));
		});
		asked.on('error', reject);
	});
}

/**
 * Loads one page for `seconds` with `connections` at once; its throughput and latencies. First
 * each server process answers it once (Node's cluster gives each new connection to the next),
 * then the same load for `warmup` seconds, whose rate and p99 are kept apart: a process runs a
 * page's code in V8's interpreter until it has run often enough to be compiled, and the first
 * burst of 50 requests waits on that (the slowest requests of a run without it came in its first
 * second); a fresh process's rate went on rising for 10 to 15 s of the load (performance.md).
 */
async function load(path, cookie, pid) {
	let bytes = 0;
	for (let i = 0; i < processes; i++) bytes = await sizeOf(path, cookie);
	const options = { url: base + path, connections, headers: cookie ? { cookie } : {} };
	const warming = warmup > 0 ? await autocannon({ ...options, duration: warmup }) : null;
	const cpuBefore = cpuMs(pid);
	const result = await autocannon({ ...options, duration: seconds });
	// What failed while warming up fails the page too.
	const both = [result, warming].filter((r) => r !== null);
	const sum = (of) => both.reduce((n, r) => n + of(r), 0);
	const timeouts = sum((r) => r.timeouts);
	const errors = sum((r) => r.errors);
	const non2xx = sum((r) => r.non2xx);
	return {
		warming: warming
			? `${Math.round(warming.requests.average)} req/s, p99 ${warming.latency.p99} ms`
			: '–',
		rps: result.requests.average,
		p50: result.latency.p50,
		p975: result.latency.p97_5,
		p99: result.latency.p99,
		// autocannon counts a request not answered within 10 s as an error and as a timeout.
		failed: non2xx + errors,
		// Why: answers other than 2xx, and requests not answered within autocannon's 10 s.
		why: [
			non2xx ? `${non2xx} not 2xx` : '',
			timeouts ? `${timeouts} timed out` : '',
			errors - timeouts > 0 ? `${errors - timeouts} errors` : ''
		]
			.filter(Boolean)
			.join(', '),
		total: result.requests.total,
		cpu: (cpuMs(pid) - cpuBefore) / Math.max(1, result.requests.total),
		bytes
	};
}

let server;
try {
	server = await startDemoServer(dbPath, entry);
	await waitForProcesses(server, processes);
	const cookies = new Map();
	const rows = [];
	let missed = false;
	for (const page of pages(practitionerId())) {
		if (!only.test(page.label ?? page.path)) continue;
		if (page.as && !cookies.has(page.as)) cookies.set(page.as, await signIn(page.as, demoPassword));
		const r = await load(page.path, cookies.get(page.as), server.child.pid);
		const within = r.p99 < targetP99 && r.failed === 0;
		missed ||= !within;
		rows.push(
			`| \`${page.label ?? page.path}\`${within ? '' : ' **missed**'} | ${Math.round(r.rps)} | ${r.p50} ms | ${r.p975} ms | ${r.p99} ms | ${r.warming} | ${r.cpu.toFixed(1)} ms | ${(r.bytes / 1024).toFixed(1)} KiB | ${r.failed}${r.why ? ` (${r.why})` : ''} |`
		);
	}
	const [load1] = loadavg();
	console.log(
		`\n${connections} connections for ${seconds} s a page on the demo authority, after ${warmup} s of the same to warm it up; latency from the client, server CPU the app's processor time a request (all its processes). ${processes} server process${processes > 1 ? 'es' : ''}, ${cpus().length} processors, load average ${load1.toFixed(1)} at the end.\n`
	);
	console.log('| page | req/s | p50 | p97.5 | p99 | warming up | server CPU | size | failed |');
	console.log('| --- | --: | --: | --: | --: | --: | --: | --: | --: |');
	for (const row of rows) console.log(row);
	console.log(`\nTarget: p99 under ${targetP99} ms once warm, nothing failed.`);
	if (missed) process.exitCode = 1;
} finally {
	await stopServer(server);
}
