import type { Kysely } from 'kysely';

// The ASYE assessment record the moderation panel checks: a development plan for each stage,
// drafted by the practitioner with their assessor and agreed by the assessor; the practitioner's
// critical reflection for each review; and whether a review was given that reflection (null for
// reviews recorded before reflections were asked for). Plans and reflections carry a version,
// as evidence does, so two people editing at once cannot silently overwrite each other.
// Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('development_plans')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id'))
		.addColumn('plan_id', 'text', (c) => c.notNull())
		.addColumn('goals', 'text', (c) => c.notNull())
		.addColumn('actions', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('agreed_by', 'text', (c) => c.references('users.id'))
		.addColumn('agreed_at', 'text')
		.addUniqueConstraint('development_plans_once', ['enrolment_id', 'plan_id'])
		.execute();
	await db.schema
		.createTable('review_reflections')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id'))
		.addColumn('review_id', 'text', (c) => c.notNull())
		.addColumn('reflection', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('review_reflections_once', ['enrolment_id', 'review_id'])
		.execute();
	await db.schema
		.alterTable('programme_reviews')
		.addColumn('reflection_given', 'integer')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('programme_reviews').dropColumn('reflection_given').execute();
	await db.schema.dropTable('review_reflections').execute();
	await db.schema.dropTable('development_plans').execute();
}
