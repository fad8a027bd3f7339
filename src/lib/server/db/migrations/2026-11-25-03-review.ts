import type { Kysely } from 'kysely';

// Reviewing evidence (comments) and outcome sign-off: an append-only log per practitioner in
// which each entry carries the hash of the one before it. Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('evidence_comments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id'))
		.addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('evidence_comments_evidence')
		.on('evidence_comments')
		.columns(['evidence_id', 'created_at'])
		.execute();

	await db.schema
		.createTable('signoffs')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('practitioner_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('sequence', 'integer', (c) => c.notNull())
		.addColumn('framework_version', 'text', (c) => c.notNull())
		.addColumn('outcome_id', 'text', (c) => c.notNull())
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('rationale', 'text', (c) => c.notNull())
		.addColumn('evidence_ids', 'text', (c) => c.notNull())
		.addColumn('actor_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('previous_hash', 'text', (c) => c.notNull())
		.addColumn('hash', 'text', (c) => c.notNull())
		.addUniqueConstraint('signoffs_practitioner_sequence', ['practitioner_id', 'sequence'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('signoffs').execute();
	await db.schema.dropTable('evidence_comments').execute();
}
