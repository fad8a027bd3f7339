// Times a 300-record portfolio as a PDF through the production server, as its owner gets it:
// she asks for it, the progress page is checked until it says the PDF is ready, and she
// downloads it. Prints the time each took, the PDF's pages and size, the server's peak memory
// while it was made, and how fast other requests were answered meanwhile (the PDF is made in a
// worker thread, so they should not wait). A fresh demo authority in a database of its own.
// Usage: npm run build && npm run bench:pdf
//   BENCH_PDF_DB=data/bench-pdf.db   the database file (made afresh every run)
//   BENCH_PDF_RECORDS=300            how many records are added to her portfolio
//   BENCH_PORT=4340                  the port the production server listens on
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { getDocumentProxy } from 'unpdf';

process.env.BENCH_PORT ??= '4340';
const dbPath = process.env.BENCH_PDF_DB || 'data/bench-pdf.db';
const count = Number(process.env.BENCH_PDF_RECORDS ?? 300);
const { removeDatabase, startServer, stopServer, waitForServer } =
	await import('./workforce/server.js');
const { base } = await import('./workforce/settings.js');
const { signIn } = await import('./workforce/timing.js');
const { addRecords } = await import('./pdf/records.js');

const env = { DATABASE_URL: `file:${dbPath}`, FILES_DIR: `${dbPath}-files`, DEMO_DATA: 'on' };
const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** The server's resident memory now and at its highest, from Linux's /proc, in bytes. */
function memory(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]) * 1024;
	return { now: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Starts the high-water mark again from now (Linux 4.0 and later). */
function resetPeak(pid) {
	try {
		writeFileSync(`/proc/${pid}/clear_refs`, '5');
		return true;
	} catch {
		return false;
	}
}

/** Sequential requests for a small page until `done()`: their times in ms, sorted. */
async function probe(done) {
	const times = [];
	while (!done()) {
		const start = performance.now();
		await (await fetch(`${base}/framework`)).arrayBuffer();
		times.push(performance.now() - start);
	}
	return times.sort((a, b) => a - b);
}

/** Checks the progress page until it says the PDF is ready; the stages it showed on the way. */
async function untilReady(path, cookie) {
	const stages = [];
	for (;;) {
		const html = await (await fetch(base + path, { headers: { cookie } })).text();
		const status = /id="pdf-status">([^<]*)</.exec(html)?.[1] ?? '';
		const stage = status.replace(/\d+% done/, '…% done');
		if (stages.at(-1)?.stage !== stage) stages.push({ stage, at: performance.now() });
		if (html.includes('Your PDF is ready')) return stages;
		if (html.includes('could not be made')) throw new Error('The PDF could not be made.');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

let server;
try {
	removeDatabase(dbPath);
	server = startServer(env);
	await waitForServer(server);
	await stopServer(server);
	addRecords(dbPath, 'practitioner@demo.test', count);
	server = startServer(env);
	await waitForServer(server);
	const cookie = await signIn('practitioner@demo.test', 'golden-thread-demo');
	const pid = server.child.pid;
	const before = memory(pid);
	const peakReset = resetPeak(pid);

	const start = performance.now();
	const asked = await fetch(`${base}/portfolio/export.pdf`, {
		headers: { cookie },
		redirect: 'manual'
	});
	const progress = asked.headers.get('location');
	if (asked.status !== 303 || !progress?.startsWith('/downloads/'))
		throw new Error(`Asking for the PDF answered ${asked.status}, not the progress page.`);
	let ready = false;
	const [stages, probed] = await Promise.all([
		untilReady(progress, cookie).finally(() => (ready = true)),
		probe(() => ready)
	]);
	const madeIn = performance.now() - start;
	const download = await fetch(`${base}/portfolio/export.pdf`, { headers: { cookie } });
	const bytes = new Uint8Array(await download.arrayBuffer());
	const total = performance.now() - start;
	const after = memory(pid);
	// pdf.js takes the bytes it is given (they read as empty afterwards): it gets a copy.
	const pages = (await getDocumentProxy(bytes.slice())).numPages;

	console.log(
		`portfolio of ${count} records as a PDF (${pages} pages, ${megabytes(bytes.length)})`
	);
	for (const { stage, at } of stages) console.log(`  ${seconds(at - start).padStart(7)}  ${stage}`);
	console.log(`made in ${seconds(madeIn)}, downloaded by ${seconds(total)}`);
	console.log(
		`server memory: ${megabytes(before.now)} before; peak ${megabytes(after.peak)} while it was made${peakReset ? '' : ' (peak since start: clear_refs refused)'}`
	);
	const at = (p) => probed[Math.min(probed.length - 1, Math.floor((p / 100) * probed.length))];
	console.log(
		`meanwhile ${probed.length} requests for /framework: p50 ${at(50).toFixed(0)} ms, p95 ${at(95).toFixed(0)} ms, max ${probed.at(-1).toFixed(0)} ms`
	);
} finally {
	await stopServer(server);
}
