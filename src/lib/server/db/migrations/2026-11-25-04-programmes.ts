import type { Kysely } from 'kysely';

// Programme working hours, extensions and review points. Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	// Working hours as a percentage of full time (100 = full time), so dates can be stretched.
	await db.schema
		.alterTable('enrolments')
		.addColumn('fte_percent', 'integer', (c) => c.notNull().defaultTo(100))
		.execute();

	await db.schema
		.createTable('enrolment_extensions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id'))
		.addColumn('months', 'integer', (c) => c.notNull())
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('programme_reviews')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id'))
		.addColumn('review_id', 'text', (c) => c.notNull())
		.addColumn('progress', 'text', (c) => c.notNull())
		.addColumn('strengths', 'text', (c) => c.notNull())
		.addColumn('areas_to_develop', 'text', (c) => c.notNull())
		.addColumn('practitioner_comments', 'text', (c) => c.notNull())
		.addColumn('recommendation', 'text', (c) => c.notNull())
		.addColumn('completed_by', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('completed_at', 'text', (c) => c.notNull())
		.addColumn('countersigned_by', 'text', (c) => c.references('users.id'))
		.addColumn('countersigned_at', 'text')
		.addUniqueConstraint('programme_reviews_once', ['enrolment_id', 'review_id'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('programme_reviews').execute();
	await db.schema.dropTable('enrolment_extensions').execute();
	await db.schema.alterTable('enrolments').dropColumn('fte_percent').execute();
}
