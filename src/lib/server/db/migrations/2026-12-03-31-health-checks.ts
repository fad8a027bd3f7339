import type { Kysely } from 'kysely';

// The yearly staff health check. A team belongs to a service (the grouping small teams merge
// into). A survey keeps the questions it was opened with. An invitation says only that a person
// was sent a link and whether it was used, with their team and service as the survey opened; an
// answer keeps that team and service, the day (never a finer time) and the scores, and nothing
// that leads back to the person or their invitation. Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('teams').addColumn('service', 'text').execute();
	await db.schema
		.createTable('health_checks')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('year', 'integer', (c) => c.notNull().unique())
		.addColumn('questions', 'text', (c) => c.notNull())
		.addColumn('opened_by', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('opened_at', 'text', (c) => c.notNull())
		.addColumn('closes_on', 'text', (c) => c.notNull())
		.addColumn('closed_at', 'text')
		.addColumn('invited', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('health_check_invitations')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('health_check_id', 'text', (c) => c.notNull().references('health_checks.id'))
		.addColumn('user_id', 'text', (c) => c.references('users.id'))
		.addColumn('team_id', 'text', (c) => c.notNull())
		.addColumn('service', 'text')
		.addColumn('used', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema
		.createIndex('health_check_invitations_check')
		.on('health_check_invitations')
		.columns(['health_check_id', 'user_id'])
		.execute();
	await db.schema
		.createTable('health_check_answers')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('health_check_id', 'text', (c) => c.notNull().references('health_checks.id'))
		.addColumn('team_id', 'text', (c) => c.notNull())
		.addColumn('service', 'text')
		.addColumn('answered_on', 'text', (c) => c.notNull())
		.addColumn('scores', 'text', (c) => c.notNull())
		.addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
		.execute();
	await db.schema
		.createIndex('health_check_answers_check')
		.on('health_check_answers')
		.column('health_check_id')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('health_check_answers').execute();
	await db.schema.dropTable('health_check_invitations').execute();
	await db.schema.dropTable('health_checks').execute();
	await db.schema.alterTable('teams').dropColumn('service').execute();
}
