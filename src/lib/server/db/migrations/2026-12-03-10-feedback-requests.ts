import type { Kysely } from 'kysely';

// Feedback by link (issue 18): a practitioner's requests for feedback, each answered once through
// a link for someone without an account (guest_links, purpose `feedback`), and the address each
// was sent to, kept apart so that it goes as soon as the link can no longer be used. Frozen once
// released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('feedback_requests')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('practitioner_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('relationship', 'text', (c) => c.notNull())
		.addColumn('name', 'text')
		.addColumn('about_id', 'text', (c) => c.references('evidence.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('answered_at', 'text')
		.addColumn('withdrawn_at', 'text')
		.addColumn('record_id', 'text', (c) => c.references('evidence.id'))
		.execute();
	await db.schema
		.createIndex('feedback_requests_practitioner')
		.on('feedback_requests')
		.columns(['practitioner_id', 'created_at'])
		.execute();
	await db.schema
		.createIndex('feedback_requests_record')
		.on('feedback_requests')
		.column('record_id')
		.execute();
	await db.schema
		.createTable('feedback_contacts')
		.addColumn('request_id', 'text', (c) => c.primaryKey().references('feedback_requests.id'))
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('name', 'text')
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('feedback_contacts').execute();
	await db.schema.dropTable('feedback_requests').execute();
}
