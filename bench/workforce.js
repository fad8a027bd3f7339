// Times the principal social worker's workforce pages on a large authority: 5,000
// practitioners, 250,000 evidence records and 20,000 case audits, generated into a SQLite
// database of its own (fictional, deterministic data; dates relative to today).
// Usage: npm run build && npm run bench:workforce
//   BENCH_DB=data/bench-workforce.db  the database file (made afresh unless BENCH_REUSE=1)
//   BENCH_REUSE=1                     keep an existing database instead of generating it again
//   BENCH_REQUESTS=30                 timed requests per page, after 3 to warm up
//   BENCH_PORT=4320                   the port the production server listens on
// The parts are in bench/workforce/: settings, the authority's shape, the generators (people,
// evidence, audits, learning), the server, and the timing.
import { existsSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { buildDatabase } from './workforce/generate.js';
import { startServer, stopServer, waitForServer } from './workforce/server.js';
import { dbPath, pages, pswEmail, requests, reuse, warmUp } from './workforce/settings.js';
import { signIn, time } from './workforce/timing.js';

/** What the database holds, and the team and the practitioner whose pages are timed. */
function describeDatabase() {
	const db = new SQLite(dbPath, { readonly: true });
	const count = (sql) => db.prepare(sql).get().n;
	const totals = {
		practitioners: count("select count(*) as n from user_roles where role = 'practitioner'"),
		evidence: count('select count(*) as n from evidence'),
		audits: count('select count(*) as n from audits')
	};
	const firstTeam = db.prepare('select id from teams order by name limit 1').get()?.id ?? '';
	// A practitioner with a full portfolio: the one with the most evidence.
	const busiest =
		db
			.prepare(
				'select owner_id as id from evidence group by owner_id order by count(*) desc limit 1'
			)
			.get()?.id ?? '';
	db.close();
	return { totals, firstTeam, busiest };
}

let server;
try {
	if (reuse && existsSync(dbPath)) console.log(`Reusing ${dbPath}`);
	else await buildDatabase();
	const { totals, firstTeam, busiest } = describeDatabase();

	server = startServer();
	await waitForServer(server);
	const cookie = await signIn();
	console.log(
		`${totals.practitioners} practitioners, ${totals.evidence} evidence records, ${totals.audits} audits`
	);
	console.log(
		`${requests} sequential requests per page as ${pswEmail}, after ${warmUp} to warm up (times in ms, client-side)`
	);
	for (const page of pages) {
		const r = await time(page.replace('{team}', firstTeam).replace('{person}', busiest), cookie);
		console.log(
			`${r.path.padEnd(60)} ${String(r.status).padStart(3)}  p50 ${r.p50.toFixed(2).padStart(8)}  p95 ${r.p95.toFixed(2).padStart(8)}  max ${r.max.toFixed(2).padStart(8)}  ${(r.bytes / 1024).toFixed(0)} KiB`
		);
	}
} finally {
	await stopServer(server);
}
