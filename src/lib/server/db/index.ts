import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
	CompiledQuery,
	Kysely,
	PostgresAdapter,
	SqliteAdapter,
	SqliteDialect,
	SqliteDriver,
	type DatabaseConnection,
	type SqliteDatabase
} from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { withStatementCache } from './statement-cache';
import { PostgresDialectWithoutNul, SqliteCompilerWithoutNul } from './text-plugin';

export type Db = Kysely<Database>;
export type { Database } from './schema';

export const defaultDatabaseUrl = 'file:./data/golden-thread.db';

/**
 * On SQLite every transaction begins IMMEDIATE: it takes the write lock at the start, so a
 * transaction that reads and then writes cannot fail half-way with SQLITE_BUSY.
 */
class ImmediateSqliteDriver extends SqliteDriver {
	override async beginTransaction(connection: DatabaseConnection) {
		await connection.executeQuery(CompiledQuery.raw('begin immediate'));
	}
}

/** SQLite's DDL is transactional, so Kysely may run all pending migrations in one transaction. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
	override get supportsTransactionalDdl() {
		return true;
	}
}

class ImmediateSqliteDialect extends SqliteDialect {
	private readonly database: SqliteDatabase;
	constructor(database: SQLite.Database) {
		const cached = withStatementCache(database);
		super({ database: cached });
		this.database = cached;
	}
	override createDriver() {
		return new ImmediateSqliteDriver({ database: this.database });
	}
	override createAdapter() {
		return new TransactionalDdlSqliteAdapter();
	}
	override createQueryCompiler() {
		return new SqliteCompilerWithoutNul();
	}
}

function openSqlite(path: string): SQLite.Database {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const database = new SQLite(path);
	database.pragma('journal_mode = WAL');
	// FULL: a saved record, a sign-off or a grade survives a power cut, not just a crash.
	database.pragma('synchronous = FULL');
	database.pragma('foreign_keys = ON');
	database.pragma('busy_timeout = 5000');
	// The query planner's statistics, as SQLite advises for a connection that stays open: only
	// tables whose statistics are missing or stale, reading a sample, so quick on any size. Without
	// them it can choose an index that reads every audit of a year for one practitioner's.
	database.pragma('optimize = 0x10002');
	return database;
}

/** Builds a Kysely instance from a `file:` (SQLite) or `postgres://` URL. */
export function createDb(url: string): Db {
	if (url.startsWith('file:')) {
		return new Kysely<Database>({
			dialect: new ImmediateSqliteDialect(openSqlite(url.slice('file:'.length)))
		});
	}
	if (/^postgres(ql)?:\/\//.test(url)) {
		return new Kysely<Database>({
			dialect: new PostgresDialectWithoutNul({
				pool: new pg.Pool({ connectionString: url, max: 10 }),
				// No just-in-time compilation: PostgreSQL compiles a query it expects to be costly,
				// and the workforce's, over tens of thousands of practitioners, spent more time being
				// compiled (0.65 s of QA coverage's 2.7 s at 40,000) than compiling saved them. No
				// parallel workers either: starting them for each query cost more than they saved
				// (the overdue actions at 40,000 took 100 ms with two and 11 ms without; the quarterly
				// report's p95 went from 505 to 179 ms), and under many requests at once they only
				// take processors from the others.
				onCreateConnection: async (connection) => {
					await connection.executeQuery(CompiledQuery.raw('set jit = off'));
					await connection.executeQuery(
						CompiledQuery.raw('set max_parallel_workers_per_gather = 0')
					);
				}
			})
		});
	}
	throw new Error(
		`DATABASE_URL must start with "file:" (SQLite) or "postgres://" (PostgreSQL); it is "${url.replace(/\/\/[^@]*@/, '//…@')}"`
	);
}

/** Where the app's database is: DATABASE_URL, or the SQLite file under `data/`. */
export const databaseUrl = () => process.env.DATABASE_URL || defaultDatabaseUrl;

let instance: Db | undefined;

/** The app's one database, from DATABASE_URL. */
export function getDb(): Db {
	instance ??= createDb(databaseUrl());
	return instance;
}

/** Runs `work` in a transaction, or in the caller's when it is already in one. */
export function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
	return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * Whether a database (or a transaction on one) is PostgreSQL. Kysely marks `getExecutor`
 * internal, but it is the one place a transaction says which dialect it runs on.
 */
export function isPostgres(db: Db): boolean {
	return db.getExecutor().adapter instanceof PostgresAdapter;
}
