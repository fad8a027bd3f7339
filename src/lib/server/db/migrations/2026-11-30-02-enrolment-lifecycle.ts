import { sql, type Kysely } from 'kysely';

// An enrolment's life: its status (active until it ends as passed, not passed, withdrawn or
// left), changes of working hours from a date, and pauses. One active enrolment per person per
// programme, kept by a partial unique index (SQLite and PostgreSQL both have them).
// Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('enrolments')
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
		.execute();
	await db.schema.alterTable('enrolments').addColumn('ended_on', 'text').execute();
	await db.schema.alterTable('enrolments').addColumn('end_note', 'text').execute();

	// Before this, nothing stopped a second enrolment on the same programme: the later one is
	// the person's programme (it is the one the pages showed), so the earlier ones end when it
	// starts, with a note saying why.
	await sql`
		update enrolments set
			status = 'left',
			ended_on = (
				select min(later.starts_on) from enrolments later
				where later.user_id = enrolments.user_id and later.programme = enrolments.programme
					and (later.starts_on > enrolments.starts_on
						or (later.starts_on = enrolments.starts_on and later.id > enrolments.id))
			),
			end_note = 'Replaced by a later enrolment on the same programme'
		where exists (
			select 1 from enrolments later
			where later.user_id = enrolments.user_id and later.programme = enrolments.programme
				and (later.starts_on > enrolments.starts_on
					or (later.starts_on = enrolments.starts_on and later.id > enrolments.id))
		)`.execute(db);
	await db.schema
		.createIndex('enrolments_one_active')
		.on('enrolments')
		.columns(['user_id', 'programme'])
		.unique()
		.where(sql.ref('status'), '=', 'active')
		.execute();

	// Working hours from a date on; the enrolment's own `fte_percent` holds them from the start.
	await db.schema
		.createTable('enrolment_hours')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id'))
		.addColumn('from_on', 'text', (c) => c.notNull())
		.addColumn('fte_percent', 'integer', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('enrolment_hours_once', ['enrolment_id', 'from_on'])
		.execute();

	// A pause runs from `starts_on` until the day back, `ends_on` (null until they are back).
	await db.schema
		.createTable('enrolment_pauses')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id'))
		.addColumn('starts_on', 'text', (c) => c.notNull())
		.addColumn('ends_on', 'text')
		.addColumn('created_by', 'text', (c) => c.references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('enrolment_pauses_enrolment')
		.on('enrolment_pauses')
		.column('enrolment_id')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('enrolment_pauses').execute();
	await db.schema.dropTable('enrolment_hours').execute();
	await db.schema.dropIndex('enrolments_one_active').execute();
	await db.schema.alterTable('enrolments').dropColumn('end_note').execute();
	await db.schema.alterTable('enrolments').dropColumn('ended_on').execute();
	await db.schema.alterTable('enrolments').dropColumn('status').execute();
}
