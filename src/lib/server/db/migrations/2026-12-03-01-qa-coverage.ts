import type { Kysely } from 'kysely';

// QA coverage (/workforce/qa-coverage) reads each practitioner's latest finalised audit and
// latest record of a type: one seek each in these covering indexes, instead of reading every
// record a practitioner has. Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('evidence_owner_type')
		.on('evidence')
		.columns(['owner_id', 'type', 'activity_date', 'status'])
		.execute();
	await db.schema
		.createIndex('audits_practitioner_status')
		.on('audits')
		.columns(['practitioner_id', 'status', 'audited_on'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('audits_practitioner_status').execute();
	await db.schema.dropIndex('evidence_owner_type').execute();
}
