// Times the principal social worker's workforce pages and API on a large authority, generated
// into a SQLite file of its own (fictional, deterministic data; dates relative to today), on
// SQLite and, copied into a scratch schema, on PostgreSQL.
// Usage: npm run build && npm run bench:workforce
//   BENCH_PRACTITIONERS=5000          the authority's size: 5,000 (a large authority, 250,000
//                                     evidence records, 20,000 audits) or 40,000 (a national
//                                     cohort, eight times as much of everything)
//   BENCH_DATABASES=sqlite            the databases to time, in order: sqlite, postgres or both
//   BENCH_POSTGRES_URL=postgres://…   where PostgreSQL's scratch schema goes (or TEST_POSTGRES_URL)
//   BENCH_KEEP_SCHEMA=1               keep the scratch schema after, and print its name
//   BENCH_POSTGRES_SCHEMA=bench_…     time a schema kept before, as it is, instead of copying
//   BENCH_DB=data/bench-workforce.db  the SQLite file (-<size> before .db for other sizes)
//   BENCH_REUSE=1                     keep an existing SQLite file instead of generating it again
//   BENCH_REQUESTS=30                 timed requests per page
//   BENCH_WARMUP=3                    requests per page before those, not timed
//   BENCH_KEPT=1                      time the audit analysis as kept between changes; otherwise
//                                     each of its requests follows a change, and works it out
//   BENCH_PORT=4320                   the port the production server listens on
//   BENCH_BUILD=build                 the production build to time (an earlier one, to compare)
// `npm run bench:workforce:national` is 40,000 practitioners on PostgreSQL. The parts are in
// bench/workforce/: settings, the authority's shape, the generators (people, evidence, audits,
// learning), the copy to PostgreSQL, the server, the timing and the tables printed.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { buildDatabase } from './workforce/generate.js';
import {
	copyToPostgres,
	createScratchSchema,
	dropScratchSchema,
	schemaUrl
} from './workforce/postgres.js';
import { printResults } from './workforce/print.js';
import { startServer, stopServer, waitForServer } from './workforce/server.js';
import {
	adminEmail,
	databases,
	dbPath,
	keptFigures,
	keptSchema,
	pages,
	reuse
} from './workforce/settings.js';
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

/**
 * A change to what the audit analysis is made from, as an audit saved would be: the server's
 * kept figures (db/kept-figures.ts) are made again on the next request. Every request for
 * the analysis is timed after one, so its figures are those of working it out, not of reading
 * it kept.
 */
async function changer(database, url) {
	const change = 'update figure_versions set version = version + 1';
	if (database === 'sqlite') {
		const db = new SQLite(dbPath);
		return { change: async () => void db.prepare(change).run(), close: async () => db.close() };
	}
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	return { change: async () => void (await client.query(change)), close: () => client.end() };
}

/** Starts the server on one database, times every page as the PSW, and stops it. */
async function timePages(env, { firstTeam, busiest }, database = 'sqlite') {
	const server = startServer(env);
	const figures = await changer(database, env.DATABASE_URL);
	try {
		await waitForServer(server);
		const cookie = await signIn();
		const results = [];
		for (const page of pages) {
			const path = page.path.replace('{team}', firstTeam).replace('{person}', busiest);
			// Only before the analysis's own: a write elsewhere empties SQLite's page cache too.
			const analysis = !keptFigures && /^(\/api\/v1)?\/workforce\/audits/.test(page.path);
			const result = await time(
				path,
				cookie,
				server.child.pid,
				analysis ? figures.change : undefined
			);
			results.push({ ...result, route: page.path, target: page.target });
			console.log(`  ${page.path}: p95 ${Math.round(result.p95)} ms`);
		}
		return results;
	} finally {
		await figures.close();
		await stopServer(server);
	}
}

/**
 * The same authority in a scratch PostgreSQL schema: migrated by start-up, then copied in and
 * kept only if `BENCH_KEEP_SCHEMA` is set; or, with `BENCH_POSTGRES_SCHEMA`, a schema kept before.
 */
async function onPostgres(about) {
	const filesDir = `${dbPath}-pg-files`;
	// PostgreSQL's sign-off key comes from the environment: the SQLite file's own, as a copy's.
	const signoffKey = readFileSync(`${dbPath}.signoff-key`, 'utf8').trim();
	if (keptSchema) {
		console.log(`\nTiming the authority kept in PostgreSQL, schema ${keptSchema}`);
		const env = {
			DATABASE_URL: schemaUrl(keptSchema),
			FILES_DIR: filesDir,
			SIGNOFF_KEY: signoffKey
		};
		return await timePages(env, about, 'postgres');
	}
	const { schema, url } = await createScratchSchema();
	const env = { DATABASE_URL: url, FILES_DIR: filesDir, SIGNOFF_KEY: signoffKey };
	// A store left by a run that stopped half way is another schema's, which the app refuses.
	rmSync(filesDir, { recursive: true, force: true });
	try {
		console.log(`\nCopying the authority into PostgreSQL, schema ${schema}…`);
		const server = startServer({ ...env, ADMIN_EMAIL: adminEmail });
		try {
			await waitForServer(server);
		} finally {
			await stopServer(server);
		}
		const seconds = await copyToPostgres(dbPath, url);
		console.log(`Copied in ${seconds.toFixed(1)} s`);
		return await timePages(env, about, 'postgres');
	} finally {
		if (process.env.BENCH_KEEP_SCHEMA) console.log(`Kept: BENCH_POSTGRES_SCHEMA=${schema}`);
		else {
			await dropScratchSchema(schema);
			rmSync(filesDir, { recursive: true, force: true });
		}
	}
}

let failed = false;
if (reuse && existsSync(dbPath)) console.log(`Reusing ${dbPath}`);
else await buildDatabase();
const about = describeDatabase();
for (const database of databases) {
	const results = database === 'postgres' ? await onPostgres(about) : await timePages({}, about);
	failed = printResults(database, about.totals, results) || failed;
}
if (failed) process.exitCode = 1;
