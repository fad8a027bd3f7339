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
			// A change of tables changes what `select *` reads: every statement is prepared anew.
			if (changesTables.test(sql)) statements.clear();
			let statement = statements.get(sql);
			if (statement) {
				// Most recently used last, so the first is the one to drop.
				statements.delete(sql);
			} else {
				statement = rowsAsObjects(database.prepare(sql));
				if (statements.size >= size) statements.delete(statements.keys().next().value!);
			}
			statements.set(sql, statement);
			return statement;
		}
	};
}

const changesTables = /^\s*(create|alter|drop)\s/i;

/**
 * A statement whose rows are read as lists and made into objects here: better-sqlite3 makes a
 * row's object one property at a time through V8's interface, and reading rows took a third
 * longer that way (a hundred and fifty rows of three columns: 160 µs, 118 µs as lists made into
 * objects). The objects are the same: a property for each column, in order, the last of two
 * columns of the same name kept. Its columns' names are read when it is prepared, and again if
 * a row has another number of columns (a table changed by SQL that did not come through here).
 */
function rowsAsObjects(statement: SQLite.Statement): SqliteStatement {
	if (!statement.reader) return statement;
	let names = statement.columns().map((column) => column.name);
	statement.raw(true);
	const objectOf = (row: unknown[]) => {
		if (row.length !== names.length) names = statement.columns().map((column) => column.name);
		const object: Record<string, unknown> = {};
		for (let i = 0; i < names.length; i++) object[names[i]] = row[i];
		return object;
	};
	return {
		reader: true,
		all: (parameters) => (statement.all(parameters) as unknown[][]).map(objectOf),
		run: (parameters) => statement.run(parameters),
		*iterate(parameters) {
			for (const row of statement.iterate(parameters) as Iterable<unknown[]>) yield objectOf(row);
		}
	};
}
