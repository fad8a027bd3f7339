import type { Kysely } from 'kysely';

// Observations by invitation (PQS 5.3 D6): a practitioner invites their assessor, a colleague or
// an observer from outside (by link, without an account) to observe them on a date, in a setting.
// An observation may now be recorded by someone without an account, so `observations.observer_id`
// may be null, with the observer's name as they gave it in `observer_name`. SQLite cannot drop a
// NOT NULL, so the table is built again and its rows copied, the same on both databases (nothing
// refers to an observation by id). Frozen once released.

const columns = [
	'id',
	'practitioner_id',
	'observer_id',
	'evidence_id',
	'observed_on',
	'setting',
	'consent_confirmed',
	'went_well',
	'to_develop',
	'practitioner_reflection',
	'created_at'
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function observationsTable(db: Kysely<any>, name: string, observerRequired: boolean) {
	let table = db.schema
		.createTable(name)
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('practitioner_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('observer_id', 'text', (c) =>
			observerRequired ? c.notNull().references('users.id') : c.references('users.id')
		)
		.addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id'))
		.addColumn('observed_on', 'text', (c) => c.notNull())
		.addColumn('setting', 'text', (c) => c.notNull())
		.addColumn('consent_confirmed', 'integer', (c) => c.notNull())
		.addColumn('went_well', 'text', (c) => c.notNull())
		.addColumn('to_develop', 'text', (c) => c.notNull())
		.addColumn('practitioner_reflection', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull());
	if (!observerRequired) table = table.addColumn('observer_name', 'text');
	await table.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function rebuildObservations(db: Kysely<any>, observerRequired: boolean) {
	await observationsTable(db, 'observations_rebuilt', observerRequired);
	await db
		.insertInto('observations_rebuilt')
		.columns(columns)
		.expression(db.selectFrom('observations').select(columns))
		.execute();
	await db.schema.dropTable('observations').execute();
	await db.schema.alterTable('observations_rebuilt').renameTo('observations').execute();
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
export async function up(db: Kysely<any>): Promise<void> {
	await rebuildObservations(db, false);
	await db.schema
		.createTable('observation_invitations')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('practitioner_id', 'text', (c) => c.notNull().references('users.id'))
		// `assessor`, `colleague` or `external`.
		.addColumn('observer', 'text', (c) => c.notNull())
		// The assessor or colleague; null for an observer from outside, who has no account.
		.addColumn('observer_id', 'text', (c) => c.references('users.id'))
		.addColumn('observer_name', 'text')
		.addColumn('observer_email', 'text')
		.addColumn('planned_on', 'text', (c) => c.notNull())
		.addColumn('setting', 'text', (c) => c.notNull())
		// `open`, `recorded`, `withdrawn` or `declined`.
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('evidence_id', 'text', (c) => c.references('evidence.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('closed_at', 'text')
		.execute();
	await db.schema
		.createIndex('observation_invitations_practitioner')
		.on('observation_invitations')
		.column('practitioner_id')
		.execute();
	await db.schema
		.createIndex('observation_invitations_observer')
		.on('observation_invitations')
		.columns(['observer_id', 'status'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('observation_invitations').execute();
	await db.deleteFrom('observations').where('observer_id', 'is', null).execute();
	await rebuildObservations(db, true);
}
