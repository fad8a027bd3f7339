import type { Kysely } from 'kysely';

// The support and assessment agreement, signed by three people, and protected development
// time recorded against what was due. Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('agreements')
		.addColumn('enrolment_id', 'text', (c) => c.primaryKey().references('enrolments.id'))
		.addColumn('terms', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('practitioner_signed_at', 'text')
		.addColumn('supervisor_id', 'text', (c) => c.references('users.id'))
		.addColumn('supervisor_signed_at', 'text')
		.addColumn('assessor_id', 'text', (c) => c.references('users.id'))
		.addColumn('assessor_signed_at', 'text')
		.execute();
	await db.schema
		.createTable('protected_time')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id'))
		.addColumn('taken_on', 'text', (c) => c.notNull())
		.addColumn('minutes', 'integer', (c) => c.notNull())
		.addColumn('activity', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('protected_time_enrolment')
		.on('protected_time')
		.column('enrolment_id')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('protected_time').execute();
	await db.schema.dropTable('agreements').execute();
}
