import type { Kysely } from 'kysely';

// Which CPD reminders have been sent: one row a person and reminder day, so each is sent once
// however often the server restarts or the reminders run. Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('cpd_reminders')
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('reminder_on', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('sent_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('cpd_reminders_pk', ['user_id', 'reminder_on'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('cpd_reminders').execute();
}
