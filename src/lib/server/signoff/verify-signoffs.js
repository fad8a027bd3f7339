// `npm run verify-signoffs`: checks every practitioner's sign-off chain in the database named by
// DATABASE_URL. Exit status 0 when intact, 1 naming each broken entry, 2 when it cannot check.
import { existsSync } from 'node:fs';
import { verifyChains } from './chain.js';

const url = process.env.DATABASE_URL || 'file:./data/golden-thread.db';

/** @returns {Promise<{ entries: import('./chain.js').ChainEntry[], people: { id: string, name: string, email: string }[] }>} */
async function read() {
	const entriesSql = 'select * from signoffs';
	const peopleSql = 'select id, name, email from users';
	if (url.startsWith('file:')) {
		const path = url.slice('file:'.length);
		if (!existsSync(path)) throw new Error(`there is no database at ${path}`);
		const { default: SQLite } = await import('better-sqlite3');
		const db = new SQLite(path, { readonly: true, fileMustExist: true });
		try {
			return {
				entries: /** @type {any} */ (db.prepare(entriesSql).all()),
				people: /** @type {any} */ (db.prepare(peopleSql).all())
			};
		} finally {
			db.close();
		}
	}
	const { default: pg } = await import('pg');
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return {
			entries: (await client.query(entriesSql)).rows,
			people: (await client.query(peopleSql)).rows
		};
	} finally {
		await client.end();
	}
}

try {
	const { entries, people } = await read();
	const problems = verifyChains(entries);
	if (problems.length === 0) {
		console.log(`Sign-off chains intact: ${entries.length} entries checked.`);
		process.exit(0);
	}
	console.error(`Sign-off chains broken: ${problems.length} of ${entries.length} entries fail.`);
	for (const problem of problems) {
		const person = people.find((p) => p.id === problem.practitionerId);
		const who = person ? `${person.name} <${person.email}>` : problem.practitionerId;
		console.error(`- ${who}, entry ${problem.sequence} (${problem.entryId}): ${problem.problem}`);
	}
	process.exit(1);
} catch (error) {
	console.error(`Cannot verify the sign-offs: ${/** @type {Error} */ (error).message}`);
	process.exit(2);
}
