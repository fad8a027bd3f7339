// Times a staff file from HR of 2,000 new people, 20 of its rows bad, through the production
// server: the dry run that names the bad rows, then the same file corrected, checked, shown and
// applied. A fresh demo authority in a database of its own; the people are fictional.
// Usage: npm run build && npm run bench:import
//   BENCH_IMPORT_DB=data/bench-import.db  the database file (made afresh every run)
//   BENCH_PORT=4330                       the port the production server listens on
import { performance } from 'node:perf_hooks';

process.env.BENCH_PORT ??= '4330';
const dbPath = process.env.BENCH_IMPORT_DB || 'data/bench-import.db';
const { startDemoServer, stopServer } = await import('./workforce/server.js');
const { base } = await import('./workforce/settings.js');
const { signIn } = await import('./workforce/timing.js');

const header =
	'email,given_name,family_name,team,roles,career_stage,swe_registration,line_manager_email,start_date';
const row = (n) =>
	`bench${n}@import.test,Bench,Person ${n},North Assessment Team,practitioner,Social worker,SW${n + 1},supervisor@demo.test,01/09/2026`;
/** Every hundredth row has no email address. */
const file = (bad) =>
	[
		header,
		...Array.from({ length: 2000 }, (_, n) => (bad && n % 100 === 7 ? ',A,B,,,,,,' : row(n)))
	].join('\r\n');

/** One request, timed from the client: its status, where it sends, and its time in ms. */
async function timed(label, path, cookie, body) {
	const start = performance.now();
	const response = await fetch(base + path, {
		method: body ? 'POST' : 'GET',
		headers: { cookie, origin: base, accept: 'text/html' },
		body,
		redirect: 'manual'
	});
	const text = await response.text();
	const ms = performance.now() - start;
	console.log(`${label.padEnd(44)} ${response.status}  ${ms.toFixed(0).padStart(6)} ms`);
	return { response, text };
}

const upload = (csv) => {
	const form = new FormData();
	form.append('file', new Blob([csv], { type: 'text/csv' }), 'staff.csv');
	return form;
};

let server;
try {
	server = await startDemoServer(dbPath);
	const cookie = await signIn('admin@demo.test', 'golden-thread-demo');
	const bad = await timed(
		'dry run, 2,000 rows, 20 bad',
		'/admin/import',
		cookie,
		upload(file(true))
	);
	const named = (bad.text.match(/data-label="Row">\d+</g) ?? []).length;
	console.log(`  ${named} problems named`);
	const checked = await timed(
		'dry run, 2,000 rows, kept',
		'/admin/import',
		cookie,
		upload(file(false))
	);
	const page = checked.response.headers.get('location')?.split('?')[0];
	const shown = await timed('what it would do (the page)', page, cookie);
	const digest = shown.text.match(/name="digest" value="([0-9a-f]+)"/)?.[1] ?? '';
	await timed(
		'apply: 2,000 added, with line managers',
		`${page}?/apply`,
		cookie,
		new URLSearchParams({ digest })
	);
} finally {
	await stopServer(server);
}
