import type { Insertable } from 'kysely';
import type { Database, Db } from './index';

/**
 * Items in groups of `size`, for inserting many rows in few statements: well under the limit
 * either database puts on the values in one statement (SQLite's 32,766, PostgreSQL's 65,535).
 */
export function batches<T>(items: readonly T[], size = 100): T[][] {
	const groups: T[][] = [];
	for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
	return groups;
}

/** Inserts rows into a table in few statements (in `batches`); none, when there are none. */
export async function insertRows<T extends keyof Database>(
	db: Db,
	table: T,
	rows: Insertable<Database[T]>[]
) {
	for (const group of batches(rows)) await db.insertInto(table).values(group).execute();
}
