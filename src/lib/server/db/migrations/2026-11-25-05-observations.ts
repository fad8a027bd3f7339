import type { Kysely } from 'kysely';

// Observations of practice, recorded by the observer; each is also an accepted evidence record
// in the practitioner's portfolio. Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('observations')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('practitioner_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('observer_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id'))
		.addColumn('observed_on', 'text', (c) => c.notNull())
		.addColumn('setting', 'text', (c) => c.notNull())
		.addColumn('consent_confirmed', 'integer', (c) => c.notNull())
		.addColumn('went_well', 'text', (c) => c.notNull())
		.addColumn('to_develop', 'text', (c) => c.notNull())
		.addColumn('practitioner_reflection', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('observations_practitioner')
		.on('observations')
		.column('practitioner_id')
		.execute();
	await db.schema
		.createIndex('observations_evidence')
		.on('observations')
		.column('evidence_id')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('observations').execute();
}
