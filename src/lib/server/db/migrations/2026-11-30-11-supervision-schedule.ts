import type { Kysely } from 'kysely';

// Supervision that keeps time: an agreed action is open until a later session marks it done or
// drops it, and each session records what it decided about every action still open (done,
// carried forward or dropped); a record may cite a finalised audit of the practitioner's work.
// The schedule itself is computed from the programme's content, not stored. Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('supervision_actions')
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
		.execute();
	await db.schema
		.alterTable('supervision_records')
		.addColumn('audit_id', 'text', (c) => c.references('audits.id'))
		.execute();
	await db.schema
		.createTable('supervision_action_updates')
		.addColumn('record_id', 'text', (c) => c.notNull().references('supervision_records.id'))
		.addColumn('action_id', 'text', (c) => c.notNull().references('supervision_actions.id'))
		.addColumn('outcome', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('supervision_action_updates_pk', ['record_id', 'action_id'])
		.execute();
	await db.schema
		.createIndex('supervision_action_updates_action')
		.on('supervision_action_updates')
		.column('action_id')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('supervision_action_updates').execute();
	await db.schema.alterTable('supervision_records').dropColumn('audit_id').execute();
	await db.schema.alterTable('supervision_actions').dropColumn('status').execute();
}
