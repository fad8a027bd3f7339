import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Enough for every query the app builds; past it, the least recently used is prepared again. */
export const cachedStatements = 500;

/**
 * A SQLite database for Kysely that prepares each distinct SQL text once. Kysely's SQLite driver
 * prepares every query it runs, and preparing (parsing and planning the SQL) took as much of a
 * signed-in page's processor time as running its queries. A statement is reusable with other
 * parameters, and SQLite prepares it again by itself when the schema changes. (While a
 * statement streams its rows, better-sqlite3 refuses any other query on the connection, so a
 * shared statement is never asked for twice at once.)
 */
export function withStatementCache(
	database: SQLite.Database,
	size = cachedStatements
): SqliteDatabase {
	const statements = new Map<string, SqliteStatement>();
	return {
		close: () => database.close(),
		prepare(sql: string) {
			let statement = statements.get(sql);
			if (statement) {
				// Most recently used last, so the first is the one to drop.
				statements.delete(sql);
			} else {
				statement = database.prepare(sql);
				if (statements.size >= size) statements.delete(statements.keys().next().value!);
			}
			statements.set(sql, statement);
			return statement;
		}
	};
}
