// `npm run verify-signoffs`: checks every practitioner's sign-off chain in the database named by
// DATABASE_URL against itself, its MAC'd head and the head log, with SIGNOFF_KEY (or the key
// file beside a SQLite database). Exit status 0 when intact, 1 naming each practitioner and
// problem, 2 when it cannot check (no key, the wrong key, or no database).
import { existsSync } from 'node:fs';
import { verifySignoffRecords } from './anchor.js';
import { readSignoffKey } from './key.js';

const url = process.env.DATABASE_URL || 'file:./data/golden-thread.db';

const queries = {
	entries: 'select * from signoffs',
	heads: 'select * from signoff_heads',
	log: 'select * from signoff_head_log',
	seal: 'select sealed_at, mac from signoff_seal',
	people: 'select id, name, email from users'
};

/** @param {Record<string, any[]>} rows */
const records = (rows) => ({
	entries: rows.entries,
	heads: rows.heads,
	log: rows.log,
	seal: rows.seal[0],
	people: /** @type {{ id: string, name: string, email: string }[]} */ (rows.people)
});

/** Every table read from one snapshot, so that a sign-off made meanwhile cannot look like tampering. */
async function read() {
	/** @type {Record<string, any[]>} */
	const rows = {};
	if (url.startsWith('file:')) {
		const path = url.slice('file:'.length);
		const { default: SQLite } = await import('better-sqlite3');
		const db = new SQLite(path, { readonly: true, fileMustExist: true });
		try {
			db.transaction(() => {
				for (const [name, sql] of Object.entries(queries)) rows[name] = db.prepare(sql).all();
			})();
			return records(rows);
		} finally {
			db.close();
		}
	}
	const { default: pg } = await import('pg');
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query('begin isolation level repeatable read read only');
		for (const [name, sql] of Object.entries(queries)) rows[name] = (await client.query(sql)).rows;
		await client.query('commit');
		return records(rows);
	} finally {
		await client.end();
	}
}

/** @param {{ sealedAt: string | null, logEntries: number, latestMac: string | null }} summary */
const describe = (summary) =>
	summary.sealedAt
		? `Sealed ${summary.sealedAt}; head log: ${summary.logEntries} ${summary.logEntries === 1 ? 'entry' : 'entries'}, the newest MAC ${summary.latestMac ?? 'none'}.`
		: 'Not sealed.';

try {
	const path = url.startsWith('file:') ? url.slice('file:'.length) : null;
	if (path !== null && !existsSync(path)) throw new Error(`there is no database at ${path}`);
	const key = readSignoffKey(url);
	const { people, ...signoffs } = await read();
	const result = verifySignoffRecords(signoffs, key);
	if (result.cannotCheck) throw new Error(result.cannotCheck);
	if (result.problems.length === 0) {
		console.log(`Sign-off chains intact: ${signoffs.entries.length} entries checked.`);
		console.log(describe(result));
		process.exit(0);
	}
	console.error(`Sign-off chains broken: ${result.problems.length} problems found.`);
	const lines = result.problems.map((problem) => {
		const person = people.find((p) => p.id === problem.practitionerId);
		const who = person ? `${person.name} <${person.email}>` : (problem.practitionerId ?? '');
		const entry = problem.sequence ? `, entry ${problem.sequence} (${problem.entryId})` : '';
		return { who, line: `- ${who || 'The records'}${entry}: ${problem.problem}` };
	});
	// By name, so that each person's problems read together; the whole log's come first.
	for (const { line } of lines.sort((a, b) => a.who.localeCompare(b.who))) console.error(line);
	console.error(describe(result));
	process.exit(1);
} catch (error) {
	console.error(`Cannot verify the sign-offs: ${/** @type {Error} */ (error).message}`);
	process.exit(2);
}
