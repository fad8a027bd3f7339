import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

// Read access to a fuzz server's database: real ids, and whether a request changed any record.
//
// Whether anything changed is known by comparing a digest of each table written meanwhile (a
// hash of its rows, in an order that does not depend on where the database keeps them, so any
// row added, removed or changed in any column shows) read in a snapshot taken before the
// request, a read transaction held open across it, with one read after. Which tables were
// written is in a log the test's triggers keep, on both databases, and the digests are read
// only when the answer calls for it: most requests cost no digest at all.
//
// The digest leaves out the tables that change on requests whatever their answer:
// - `sessions`: signing in adds one, signing out removes one, and any request may move
//   `last_seen_at` on (once a minute);
// - `sign_in_failures`: a refused sign-in is meant to be counted there (the rate limit).
// Everything else, the stored files included, must be unchanged after a refusal.
const volatileTables = ['sessions', 'sign_in_failures'];

/** A hash per table, to say which changed. */
type Digest = Record<string, string>;

/** Watches the database across one request. */
export interface Watch {
	/** The tables (and '(stored files)') that differ from when the watch began. */
	changed(): Promise<string[]>;
	end(): Promise<void>;
}

export interface Reader {
	/** Rows for a query written with `?` placeholders. */
	query<T>(sql: string, params?: unknown[]): Promise<T[]>;
	watch(): Promise<Watch>;
	/** How many digests were read, and the seconds they took: the test prints it. */
	digests(): { count: number; seconds: number };
	close(): Promise<void>;
}

/** What each database provides for watching. */
interface Backend {
	query<T>(sql: string, params: unknown[]): Promise<T[]>;
	/** A mark that differs once anything has been written since it was read. */
	mark(): Promise<string>;
	/** Holds a snapshot of the database as it is now, until `release`. */
	hold(): Promise<void>;
	/** The digest of `tables` in the snapshot held, or as they are now. */
	digest(when: 'held' | 'now', tables: string[]): Promise<Digest>;
	/** The tables written since `mark`, from the log the test's triggers keep. */
	written(mark: string): Promise<string[]>;
	release(): Promise<void>;
	close(): Promise<void>;
}

const hash = (parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex');

/** The stored files' names: a file left behind by a refused upload shows here. */
function storedFiles(dir: string) {
	if (!existsSync(dir)) return '';
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => relative(dir, join(e.parentPath, e.name)))
		.sort()
		.join('\n');
}

const differing = (before: Digest, after: Digest) =>
	Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);

function reader(backend: Backend, files: string): Reader {
	const spent = { count: 0, seconds: 0 };
	const digest = async (when: 'held' | 'now', tables: string[]) => {
		const started = performance.now();
		try {
			return await backend.digest(when, tables);
		} finally {
			spent.count++;
			spent.seconds += (performance.now() - started) / 1000;
		}
	};
	return {
		query: (sql, params = []) => backend.query(sql, params),
		digests: () => ({ count: spent.count, seconds: Math.round(spent.seconds) }),
		async watch() {
			const markBefore = await backend.mark();
			await backend.hold();
			const filesBefore = storedFiles(files);
			return {
				async changed() {
					const changed: string[] = [];
					if ((await backend.mark()) !== markBefore) {
						// Only the tables written meanwhile can differ: compare those.
						const tables = await backend.written(markBefore);
						const before = await digest('held', tables);
						changed.push(...differing(before, await digest('now', tables)));
					}
					if (storedFiles(files) !== filesBefore) changed.push('(stored files)');
					return changed;
				},
				end: () => backend.release()
			};
		},
		close: () => backend.close()
	};
}

function sqlite(file: string): Backend {
	const open = () => new Database(file, { readonly: true, fileMustExist: true });
	// One connection reads the present; the other holds the snapshot from before a request.
	const present = open();
	const before = open();
	const tables = (
		present.prepare("select name from sqlite_master where type = 'table'").all() as {
			name: string;
		}[]
	)
		.map((t) => t.name)
		.filter((name) => !volatileTables.includes(name) && !name.startsWith('sqlite_'));
	// As on PostgreSQL, triggers log the tables each write touches (SQLite's fire for each row),
	// so a request is compared on those alone; they are the test's, in the fuzz server's file.
	const writer = new Database(file, { fileMustExist: true });
	writer.pragma('busy_timeout = 10000');
	writer.exec(
		[
			'create table fuzz_written (n integer primary key, table_name text not null);',
			...tables.flatMap((table) =>
				['insert', 'update', 'delete'].map(
					(event) =>
						`create trigger "fuzz_${event}_${table}" after ${event} on "${table}" begin insert into fuzz_written (table_name) values ('${table}'); end;`
				)
			)
		].join('\n')
	);
	writer.close();
	const digest = (db: Database.Database, names: string[]): Digest =>
		Object.fromEntries(
			names.map((table) => {
				const rows = db.prepare(`select * from "${table}"`).raw().all();
				return [table, hash(rows.map((row) => JSON.stringify(row)).sort())];
			})
		);
	return {
		async query<T>(sql: string, params: unknown[]) {
			return present.prepare(sql).all(...params) as T[];
		},
		mark: async () =>
			String(
				(
					present.prepare('select coalesce(max(n), 0) as n from fuzz_written').get() as {
						n: number;
					}
				).n
			),
		async hold() {
			before.exec('begin');
			before.prepare('select count(*) from sqlite_master').get(); // the snapshot starts here
		},
		async digest(when, names) {
			return when === 'held'
				? digest(before, names)
				: present.transaction(() => digest(present, names))();
		},
		async written(mark) {
			const rows = present
				.prepare('select distinct table_name from fuzz_written where n > ?')
				.all(Number(mark)) as { table_name: string }[];
			return rows.map((r) => r.table_name);
		},
		async release() {
			if (before.inTransaction) before.exec('commit');
		},
		async close() {
			present.close();
			before.close();
		}
	};
}

async function postgres(url: string, schema: string): Promise<Backend> {
	const connect = async () => {
		const client = new pg.Client({ connectionString: url });
		await client.connect();
		return client;
	};
	// As for SQLite: one connection reads the present, the other holds the snapshot from before.
	const present = await connect();
	const before = await connect();
	const { rows } = await present.query<{ table_name: string }>(
		"select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'",
		[schema]
	);
	const tables = rows.map((r) => r.table_name).filter((name) => !volatileTables.includes(name));
	// Every statement that writes a table notes it in a log, so a request is compared on the
	// tables it wrote alone: digesting the whole database after each request was most of the
	// fuzz test's time. The log and its triggers are the test's, in the app's scratch schema.
	await present.query(`
		create table fuzz_written (n bigserial primary key, table_name text not null);
		create function fuzz_note_written() returns trigger language plpgsql as $fn$
			begin insert into fuzz_written (table_name) values (tg_table_name); return null; end
		$fn$;
		${tables
			.map(
				(table) =>
					`create trigger fuzz_written after insert or update or delete or truncate on "${table}" for each statement execute function fuzz_note_written();`
			)
			.join('\n')}`);
	// One round trip: each table's rows as text, hashed in an order that does not depend on
	// where PostgreSQL keeps them.
	const digestSql = (names: string[]) =>
		names
			.map(
				(table) =>
					`select '${table}' as name, md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) as hash from "${table}" t`
			)
			.join(' union all ');
	const digest = async (client: pg.Client, names: string[]): Promise<Digest> =>
		names.length === 0
			? {}
			: Object.fromEntries(
					(await client.query<{ name: string; hash: string }>(digestSql(names))).rows.map((r) => [
						r.name,
						r.hash
					])
				);
	const lastWritten = async () =>
		(await present.query<{ n: string }>('select coalesce(max(n), 0)::text as n from fuzz_written'))
			.rows[0].n;
	return {
		async query<T>(sql: string, params: unknown[]) {
			let n = 0;
			const numbered = sql.replace(/\?/g, () => `$${++n}`);
			return (await present.query(numbered, params)).rows as T[];
		},
		mark: lastWritten,
		async hold() {
			await before.query('begin isolation level repeatable read');
			await before.query('select 1'); // the snapshot starts here
		},
		// One statement, so one snapshot.
		digest: (when, names) => digest(when === 'held' ? before : present, names),
		async written(mark) {
			const { rows } = await present.query<{ table_name: string }>(
				'select distinct table_name from fuzz_written where n > $1',
				[mark]
			);
			return rows.map((r) => r.table_name);
		},
		async release() {
			await before.query('commit');
		},
		async close() {
			await present.end();
			await before.end();
		}
	};
}

export async function openReader(
	where: { sqlite: string; files: string } | { postgres: string; schema: string; files: string }
): Promise<Reader> {
	const backend =
		'sqlite' in where ? sqlite(where.sqlite) : await postgres(where.postgres, where.schema);
	return reader(backend, where.files);
}
