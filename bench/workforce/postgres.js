import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { adminEmail, postgresUrl } from './settings.js';
import { copiedTables } from './tables.js';

// The same authority on PostgreSQL: a scratch schema of its own (dropped after), its tables
// made by the app's own start-up, then the generated rows copied from the SQLite file in
// batches, with triggers off (the rows already carry what the triggers would fill in).

/** Parameters in one statement: under PostgreSQL's limit of 65,535. */
const maxParameters = 60_000;

/** The database URL that works in a schema. */
export function schemaUrl(schema) {
	if (!postgresUrl)
		throw new Error('set BENCH_POSTGRES_URL (or TEST_POSTGRES_URL) to time PostgreSQL');
	const url = new URL(postgresUrl);
	url.searchParams.set('options', `-c search_path=${schema}`);
	return url.toString();
}

/** A new scratch schema, and the database URL that works in it. */
export async function createScratchSchema() {
	const schema = `bench_${process.pid}_${Date.now().toString(36)}`;
	const url = schemaUrl(schema);
	const client = new pg.Client({ connectionString: postgresUrl });
	await client.connect();
	try {
		await client.query(`create schema ${schema}`);
	} finally {
		await client.end();
	}
	return { schema, url };
}

export async function dropScratchSchema(schema) {
	const client = new pg.Client({ connectionString: postgresUrl });
	await client.connect();
	try {
		await client.query(`drop schema if exists ${schema} cascade`);
	} finally {
		await client.end();
	}
}

/**
 * Copies the generated rows from the SQLite file into the migrated schema, leaving out what
 * start-up made in each (the administrator, who has another id there), then vacuums and analyses
 * each table: as autovacuum leaves a database that has been running a while, so that an index
 * alone can answer a query (rows just written are not yet marked visible to every transaction,
 * and until they are PostgreSQL reads the table as well as the index).
 */
export async function copyToPostgres(sqlitePath, url) {
	const started = performance.now();
	const source = new SQLite(sqlitePath, { readonly: true });
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const admin = source.prepare('select id from users where email = ?').get(adminEmail);
		const { rows } = await client.query(
			'select table_name from information_schema.tables where table_schema = current_schema()'
		);
		const there = new Set(rows.map((r) => r.table_name));
		// An earlier build's schema may lack a table a later one keeps.
		for (const table of copiedTables.filter((t) => there.has(t))) {
			await client.query(`alter table ${table} disable trigger user`);
			const copied = await copyTable(source, client, table, admin.id);
			await client.query(`alter table ${table} enable trigger user`);
			if (table === 'users') await fillManagers(source, client);
			await client.query(`vacuum analyze ${table}`);
			console.log(`  ${table.padEnd(24)} ${String(copied).padStart(9)}`);
		}
	} finally {
		await client.end();
		source.close();
	}
	return (performance.now() - started) / 1000;
}

/** Each team's manager, left out while the team was copied before its people. */
async function fillManagers(source, client) {
	for (const team of source.prepare('select id, manager_id from teams').all())
		await client.query('update teams set manager_id = $1 where id = $2', [
			team.manager_id,
			team.id
		]);
}

async function copyTable(source, client, table, adminId) {
	const columns = source
		.prepare(`select name from pragma_table_info(?) order by cid`)
		.all(table)
		.map((c) => c.name);
	const ownedByAdmin = { users: 'id', user_roles: 'user_id' }[table];
	const selected = columns.map((c) => (table === 'teams' && c === 'manager_id' ? `null` : c));
	const select = source
		.prepare(
			`select ${selected.join(', ')} from ${table}${ownedByAdmin ? ` where ${ownedByAdmin} != ?` : ''}`
		)
		.raw();
	const perStatement = Math.min(5000, Math.floor(maxParameters / columns.length));
	let batch = [];
	let count = 0;
	const flush = async () => {
		if (!batch.length) return;
		const values = batch.map(
			(row, r) => `(${row.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`
		);
		await client.query(
			`insert into ${table} (${columns.join(', ')}) values ${values.join(', ')}`,
			batch.flat()
		);
		count += batch.length;
		batch = [];
	};
	for (const row of ownedByAdmin ? select.iterate(adminId) : select.iterate()) {
		batch.push(row);
		if (batch.length === perStatement) await flush();
	}
	await flush();
	return count;
}
