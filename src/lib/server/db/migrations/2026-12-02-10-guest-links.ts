import type { Kysely } from 'kysely';

// Links for people without an account — a parent giving feedback, an observer, a staff survey
// answer: only each token's hash, what it answers, and when it expires or was used. Frozen once
// released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('guest_links')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('purpose', 'text', (c) => c.notNull())
		.addColumn('subject_id', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.execute();
	await db.schema
		.createIndex('guest_links_subject')
		.on('guest_links')
		.columns(['purpose', 'subject_id'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('guest_links').execute();
}
