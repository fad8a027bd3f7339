import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

// Read access to a fuzz server's database, for real ids and for a digest of every record.
//
// The digest leaves out the tables that change on requests whatever their answer:
// - `sessions`: signing in adds one, signing out removes one, and any request may move
//   `last_seen_at` on (once a minute);
// - `sign_in_failures`: a refused sign-in is meant to be counted there (the rate limit).
// Everything else, the stored files included, must be unchanged after a refusal.
const volatileTables = ['sessions', 'sign_in_failures'];

/** A hash per table (and one for the stored files), to say which changed. */
export type Digest = Record<string, string>;

export interface Reader {
	/** Rows for a query written with `?` placeholders. */
	query<T>(sql: string, params?: unknown[]): Promise<T[]>;
	digest(): Promise<Digest>;
	close(): Promise<void>;
}

const hash = (parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex');

/** Every stored file's path and size: a file left behind by a refused upload shows here. */
function filesDigest(dir: string) {
	if (!existsSync(dir)) return hash([]);
	const entries = readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => {
			const path = join(e.parentPath, e.name);
			return `${relative(dir, path)} ${statSync(path).size}`;
		});
	return hash(entries.sort());
}

function sqliteReader(file: string, files: string): Reader {
	const db = new Database(file, { readonly: true, fileMustExist: true });
	const tables = (
		db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]
	)
		.map((t) => t.name)
		.filter((name) => !volatileTables.includes(name) && !name.startsWith('sqlite_'));
	// SQLite says whether another connection committed since we last looked: reading every
	// table is only needed when it did.
	let cached: { version: unknown; tables: Digest } | undefined;
	return {
		async query<T>(sql: string, params: unknown[] = []) {
			return db.prepare(sql).all(...params) as T[];
		},
		async digest() {
			const version = db.pragma('data_version', { simple: true });
			if (cached?.version !== version) {
				const digest: Digest = {};
				for (const table of tables) {
					const rows = db.prepare(`select * from "${table}"`).raw().all();
					digest[table] = hash(rows.map((row) => JSON.stringify(row)).sort());
				}
				cached = { version, tables: digest };
			}
			return { ...cached!.tables, '(stored files)': filesDigest(files) };
		},
		async close() {
			db.close();
		}
	};
}

async function postgresReader(url: string, schema: string, files: string): Promise<Reader> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	const { rows } = await client.query<{ table_name: string }>(
		"select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'",
		[schema]
	);
	const tables = rows.map((r) => r.table_name).filter((name) => !volatileTables.includes(name));
	// One round trip: each table's rows as text, hashed in an order that does not depend on
	// where PostgreSQL keeps them.
	const digestSql = tables
		.map(
			(table) =>
				`select '${table}' as name, md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) as hash from "${table}" t`
		)
		.join(' union all ');
	// A snapshot names the next transaction id and those in progress: while it stays the same,
	// no transaction that could write has started or ended, so the digest cannot have changed.
	let cached: { snapshot: string; tables: Digest } | undefined;
	const snapshot = async () =>
		(await client.query<{ s: string }>('select pg_current_snapshot()::text as s')).rows[0].s;
	return {
		async query<T>(sql: string, params: unknown[] = []) {
			let n = 0;
			const result = await client.query(
				sql.replace(/\?/g, () => `$${++n}`),
				params
			);
			return result.rows as T[];
		},
		async digest() {
			const now = await snapshot();
			if (cached?.snapshot !== now) {
				const result = await client.query<{ name: string; hash: string }>(digestSql);
				const tables: Digest = Object.fromEntries(result.rows.map((r) => [r.name, r.hash]));
				// Taken again: a transaction that ended while the tables were read leaves no cache.
				cached = (await snapshot()) === now ? { snapshot: now, tables } : undefined;
				return { ...tables, '(stored files)': filesDigest(files) };
			}
			return { ...cached.tables, '(stored files)': filesDigest(files) };
		},
		async close() {
			await client.end();
		}
	};
}

export async function openReader(
	where: { sqlite: string; files: string } | { postgres: string; schema: string; files: string }
): Promise<Reader> {
	return 'sqlite' in where
		? sqliteReader(where.sqlite, where.files)
		: postgresReader(where.postgres, where.schema, where.files);
}

/** The tables whose digest differs. */
export const changedTables = (before: Digest, after: Digest) =>
	[...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
		(table) => before[table] !== after[table]
	);
