import type { Kysely } from 'kysely';

// Audit voices: the child, a parent or carer, or the worker asked by link for their view of an
// audited case. The row is the link's subject; the answer is kept on it. The respondent's email
// is kept only while their link can be used (it is deleted when they answer, when the audit is
// finalised and, by the retention run, when the link expires), in a table of its own so that
// forgetting it deletes a row. Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('audit_voices')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id'))
		.addColumn('relationship', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('requested_at', 'text', (c) => c.notNull())
		.addColumn('answered_at', 'text')
		.addColumn('rating', 'integer')
		.addColumn('helped', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('better', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('anonymity_confirmed_at', 'text')
		.execute();
	await db.schema.createIndex('audit_voices_audit').on('audit_voices').column('audit_id').execute();
	await db.schema
		.createTable('audit_voice_contacts')
		.addColumn('voice_id', 'text', (c) => c.primaryKey().references('audit_voices.id'))
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('audit_voice_contacts').execute();
	await db.schema.dropTable('audit_voices').execute();
}
