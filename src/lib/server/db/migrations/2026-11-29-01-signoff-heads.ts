import type { Kysely } from 'kysely';

// Anchors for the sign-off chains, kept with a keyed MAC (SIGNOFF_KEY) so that a database
// editor without the key cannot shorten or rewrite a chain unseen: each practitioner's head,
// an append-only head log chained across all practitioners, and the seal that marks when the
// chains were first anchored. Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('signoff_seal')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('sealed_at', 'text', (c) => c.notNull())
		.addColumn('mac', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('signoff_heads')
		.addColumn('practitioner_id', 'text', (c) => c.primaryKey().references('users.id'))
		.addColumn('sequence', 'integer', (c) => c.notNull())
		.addColumn('hash', 'text', (c) => c.notNull())
		.addColumn('mac', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('signoff_head_log')
		.addColumn('sequence', 'integer', (c) => c.primaryKey())
		.addColumn('practitioner_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('head_sequence', 'integer', (c) => c.notNull())
		.addColumn('head_hash', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('previous_practitioner_id', 'text')
		.addColumn('previous_head_sequence', 'integer')
		.addColumn('previous_mac', 'text', (c) => c.notNull())
		.addColumn('mac', 'text', (c) => c.notNull())
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('signoff_head_log').execute();
	await db.schema.dropTable('signoff_heads').execute();
	await db.schema.dropTable('signoff_seal').execute();
}
