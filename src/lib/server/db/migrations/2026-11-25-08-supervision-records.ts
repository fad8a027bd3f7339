import type { Kysely } from 'kysely';

// Records of supervision sessions and their agreed actions. Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('supervision_records')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('practitioner_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('supervisor_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('held_on', 'text', (c) => c.notNull())
		.addColumn('agenda', 'text', (c) => c.notNull())
		.addColumn('discussion', 'text', (c) => c.notNull())
		.addColumn('decisions', 'text', (c) => c.notNull())
		.addColumn('evidence_id', 'text', (c) => c.references('evidence.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('supervision_records_practitioner')
		.on('supervision_records')
		.columns(['practitioner_id', 'held_on'])
		.execute();
	await db.schema
		.createTable('supervision_actions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('record_id', 'text', (c) => c.notNull().references('supervision_records.id'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('due_on', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('supervision_actions_record')
		.on('supervision_actions')
		.column('record_id')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('supervision_actions').execute();
	await db.schema.dropTable('supervision_records').execute();
}
