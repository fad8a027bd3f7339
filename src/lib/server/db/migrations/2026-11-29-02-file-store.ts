import type { Kysely } from 'kysely';

// The id of this database's file store, which the store's marker file repeats, so a store
// holding another database's files is recognised before anything in it is deleted. One row,
// named "files". Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('file_store')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('id', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('file_store').execute();
}
