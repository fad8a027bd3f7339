import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hash } from '@node-rs/argon2';
import SQLite from 'better-sqlite3';
import { generateAudits } from './audits.js';
import { generateEvidence } from './evidence.js';
import { generateLearning } from './learning.js';
import { generatePeople } from './people.js';
import { clock, randomChoices } from './random.js';
import { adminEmail, dbPath, pswEmail, pswPassword } from './settings.js';
import { removeDatabase, startServer, stopServer, waitForServer } from './server.js';
import { derivedFills } from './derived.js';
import { copiedTables, generatedTables, inserters } from './tables.js';

// A fresh bench database: the schema from the app's own start-up, then the authority generated
// straight into SQLite, then the row counts.

export async function buildDatabase() {
	removeDatabase(dbPath);
	mkdirSync(dirname(dbPath), { recursive: true });
	console.log(`Creating the schema in ${dbPath}`);
	const server = startServer({ ADMIN_EMAIL: adminEmail });
	try {
		await waitForServer(server);
	} finally {
		await stopServer(server);
	}

	console.log('Generating the authority…');
	const passwordHash = await hash(pswPassword, {
		memoryCost: 19456,
		timeCost: 2,
		outputLen: 32,
		parallelism: 1
	});
	const { db, started } = generate();
	db.prepare('update users set password_hash = ?, active = 1 where email = ?').run(
		passwordHash,
		pswEmail
	);
	const problems = db.pragma('foreign_key_check');
	if (problems.length)
		throw new Error(`${problems.length} broken references, first: ${JSON.stringify(problems[0])}`);
	db.exec('ANALYZE');
	db.pragma('wal_checkpoint(TRUNCATE)');
	const seconds = (performance.now() - started) / 1000;
	console.log(`Generated in ${seconds.toFixed(1)} s:`);
	for (const table of generatedTables) {
		const { n } = db.prepare(`select count(*) as n from ${table}`).get();
		console.log(`  ${table.padEnd(24)} ${String(n).padStart(9)}`);
	}
	db.close();
}

/**
 * The authority, in the order its records depend on each other. `g`, the generator each part
 * takes, holds the database, its inserts, the random choices and the clock.
 */
function generate() {
	const started = performance.now();
	const random = randomChoices(20261125);
	const db = new SQLite(dbPath);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = OFF');
	db.pragma('foreign_keys = OFF');
	db.pragma('cache_size = -262144');
	db.pragma('temp_store = MEMORY');
	const g = { db, add: inserters(db), ...random, ...clock(random.int) };
	const deferred = withoutIndexesAndTriggers(db);
	const people = generatePeople(g);
	generateEvidence(g, people);
	const needs = generateAudits(g, people);
	generateLearning(g, people, needs);
	deferred.restore();
	return { db, started };
}

/**
 * Bulk loading: the generated tables' indexes and triggers dropped while their rows go in, then
 * made again from their own SQL, which is several times quicker than keeping them up to date
 * row by row. What the triggers would have kept is filled in once (`derived.js`): the generators
 * give evidence_outcomes its owner and accepted date, and the kept tables are counted from the
 * rows as the migrations that made them do.
 */
function withoutIndexesAndTriggers(db) {
	const tables = [...new Set([...copiedTables, 'evidence_outcomes'])];
	const objects = db
		.prepare(
			`select type, name, sql from sqlite_master where type in ('index', 'trigger') and sql is not null
			and tbl_name in (${tables.map(() => '?').join(', ')})`
		)
		.all(...tables);
	for (const { type, name } of objects) db.exec(`drop ${type} ${name}`);
	return {
		restore() {
			for (const { sql } of objects.filter((o) => o.type === 'index')) db.exec(sql);
			for (const fill of derivedFills) db.exec(fill);
			for (const { sql } of objects.filter((o) => o.type === 'trigger')) db.exec(sql);
		}
	};
}
