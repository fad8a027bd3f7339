import type { Kysely } from 'kysely';

// Staff from HR, and leavers. An import keeps the CSV file checked by its dry run, so the file
// applied is the one the administrator saw checked, without sending it twice. A handover is what
// a leaver's relationships left behind: a practitioner whose line manager, practice supervisor
// or assessor left, brought to someone's attention until the relationships are held again.
// Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('imports')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('content', 'text', (c) => c.notNull())
		.addColumn('content_sha256', 'text', (c) => c.notNull())
		.addColumn('everyone', 'integer', (c) => c.notNull())
		.addColumn('create_teams', 'integer', (c) => c.notNull())
		.addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('uploaded_at', 'text', (c) => c.notNull())
		.addColumn('applied_by', 'text', (c) => c.references('users.id'))
		.addColumn('applied_at', 'text')
		.addColumn('summary', 'text')
		.execute();
	await db.schema
		.createTable('handovers')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('leaver_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('practitioner_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('attention_id', 'text', (c) => c.references('users.id'))
		.addColumn('kinds', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('handovers_attention')
		.on('handovers')
		.column('attention_id')
		.execute();
	await db.schema
		.createIndex('handovers_practitioner')
		.on('handovers')
		.column('practitioner_id')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('handovers').execute();
	await db.schema.dropTable('imports').execute();
}
