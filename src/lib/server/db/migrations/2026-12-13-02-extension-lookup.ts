import { sql, type Kysely } from 'kysely';

// An enrolment's extensions were found by reading every extension there is, on every page that
// shows a programme's calendar or a supervision schedule and on early-career progress, as the
// table had no index on its enrolment (its pauses have one, its changes of hours a unique pair).
// Few now, they are kept for every enrolment there has been. Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('enrolment_extensions_enrolment')
		.on('enrolment_extensions')
		.column('enrolment_id')
		.execute();
	await sql`analyze enrolment_extensions`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('enrolment_extensions_enrolment').execute();
}
