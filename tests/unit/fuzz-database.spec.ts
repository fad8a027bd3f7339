import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReader, type Reader } from '../e2e/fuzz/database';

// The fuzz test's digest (tests/e2e/fuzz/database.ts) says a refusal changed nothing only if it
// would have seen a change: any row added, removed or changed in any column, or a stored file.

interface Scratch {
	reader: Reader;
	/** Runs SQL on the database as the app would, on a connection of its own. */
	write(sql: string): Promise<void>;
	files: string;
	close(): Promise<void>;
}

const setUp = [
	'create table notes (id text primary key, body text, version integer)',
	"insert into notes values ('a', 'first', 1), ('b', 'second', 2)",
	'create table sessions (id text primary key, last_seen_at text)',
	"insert into sessions values ('s', 'then')"
];

async function sqliteScratch(): Promise<Scratch> {
	const dir = mkdtempSync(join(tmpdir(), 'fuzz-digest-'));
	const file = join(dir, 'test.db');
	const files = join(dir, 'files');
	const app = new Database(file);
	app.pragma('journal_mode = WAL');
	for (const sql of setUp) app.exec(sql);
	const reader = await openReader({ sqlite: file, files });
	return {
		reader,
		files,
		async write(sql) {
			app.exec(sql);
		},
		async close() {
			await reader.close();
			app.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

async function postgresScratch(url: string): Promise<Scratch> {
	const dir = mkdtempSync(join(tmpdir(), 'fuzz-digest-'));
	const files = join(dir, 'files');
	const schema = `fuzz_digest_${process.pid}`;
	const scoped = new URL(url);
	scoped.searchParams.set('options', `-c search_path=${schema}`);
	const app = new pg.Client({ connectionString: scoped.toString() });
	await app.connect();
	await app.query(`drop schema if exists ${schema} cascade`);
	await app.query(`create schema ${schema}`);
	for (const sql of setUp) await app.query(sql);
	const reader = await openReader({ postgres: scoped.toString(), schema, files });
	return {
		reader,
		files,
		async write(sql) {
			await app.query(sql);
		},
		async close() {
			await reader.close();
			await app.query(`drop schema ${schema} cascade`);
			await app.end();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

const databases: [string, () => Promise<Scratch>][] = [['SQLite', sqliteScratch]];
const postgresUrl = process.env.TEST_POSTGRES_URL;
if (postgresUrl) databases.push(['PostgreSQL', () => postgresScratch(postgresUrl)]);

describe.each(databases)('the fuzz digest on %s', (_, open) => {
	let scratch: Scratch;
	beforeAll(async () => void (scratch = await open()));
	afterAll(() => scratch.close());

	/** The tables (and files) the watch says changed across `change`. */
	async function across(change: () => Promise<void>) {
		const watch = await scratch.reader.watch();
		try {
			await change();
			return await watch.changed();
		} finally {
			await watch.end();
		}
	}

	it('sees nothing when nothing changed, even after a read', async () => {
		expect(await across(() => scratch.write('select count(*) from notes'))).toEqual([]);
	});

	it('sees a row added', async () => {
		expect(await across(() => scratch.write("insert into notes values ('c', 'third', 3)"))).toEqual(
			['notes']
		);
	});

	it('sees one column of one row changed', async () => {
		const change = () => scratch.write("update notes set version = 4 where id = 'c'");
		expect(await across(change)).toEqual(['notes']);
	});

	it('sees values swapped between rows, which leaves every column holding the same values', async () => {
		const swap =
			"update notes set body = case id when 'a' then 'second' else 'first' end where id in ('a', 'b')";
		expect(await across(() => scratch.write(swap))).toEqual(['notes']);
	});

	it('sees a row removed', async () => {
		expect(await across(() => scratch.write("delete from notes where id = 'c'"))).toEqual([
			'notes'
		]);
	});

	it('leaves out the sessions, which every request may touch', async () => {
		const touch = () => scratch.write("update sessions set last_seen_at = 'now'");
		expect(await across(touch)).toEqual([]);
	});

	it('sees a change undone within the request as no change', async () => {
		expect(
			await across(async () => {
				await scratch.write("update notes set body = 'changed' where id = 'a'");
				await scratch.write("update notes set body = 'second' where id = 'a'");
			})
		).toEqual([]);
	});

	it('does not take a write before the request for one during it', async () => {
		await scratch.write("update notes set body = 'between requests' where id = 'a'");
		const change = () => scratch.write("update notes set version = 5 where id = 'b'");
		expect(await across(change)).toEqual(['notes']);
		await scratch.write("update notes set body = 'again' where id = 'a'");
		expect(await across(() => scratch.write("update sessions set last_seen_at = 'later'"))).toEqual(
			[]
		);
	});

	it('sees a stored file added', async () => {
		const store = async () => {
			mkdirSync(join(scratch.files, 'ab'), { recursive: true });
			writeFileSync(join(scratch.files, 'ab', 'cdef'), 'bytes');
		};
		expect(await across(store)).toEqual(['(stored files)']);
	});
});
