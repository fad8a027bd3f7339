import type { Kysely } from 'kysely';

// People, roles, teams, supervision, sessions, one-time links, outbox, sign-in failures and
// an event log. Frozen once released: later changes go in a new dated file.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('users')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text')
		.addColumn('career_stage', 'text')
		.addColumn('swe_number', 'text')
		.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('deactivated_at', 'text')
		.execute();

	await db.schema
		.createTable('teams')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull().unique())
		.addColumn('manager_id', 'text', (c) => c.references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.alterTable('users')
		.addColumn('team_id', 'text', (c) => c.references('teams.id'))
		.execute();
	await db.schema.createIndex('users_team_id').on('users').column('team_id').execute();

	await db.schema
		.createTable('user_roles')
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('role', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
		.execute();
	await db.schema.createIndex('user_roles_role').on('user_roles').column('role').execute();

	await db.schema
		.createTable('supervisions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('supervisor_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('supervisee_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('starts_on', 'text', (c) => c.notNull())
		.addColumn('ends_on', 'text')
		.addColumn('created_by', 'text', (c) => c.references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('supervisions_supervisor')
		.on('supervisions')
		.columns(['supervisor_id', 'ends_on'])
		.execute();
	await db.schema
		.createIndex('supervisions_supervisee')
		.on('supervisions')
		.columns(['supervisee_id', 'ends_on'])
		.execute();

	await db.schema
		.createTable('enrolments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('programme', 'text', (c) => c.notNull())
		.addColumn('starts_on', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('enrolments_user').on('enrolments').column('user_id').execute();

	await db.schema
		.createTable('sessions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('last_seen_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

	await db.schema
		.createTable('one_time_tokens')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('purpose', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.execute();
	await db.schema
		.createIndex('one_time_tokens_user')
		.on('one_time_tokens')
		.column('user_id')
		.execute();

	await db.schema
		.createTable('outbox')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('recipient', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('sent_at', 'text')
		.addColumn('error', 'text')
		.execute();
	await db.schema.createIndex('outbox_created').on('outbox').column('created_at').execute();

	await db.schema
		.createTable('sign_in_failures')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('address', 'text', (c) => c.notNull())
		.addColumn('at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('sign_in_failures_email')
		.on('sign_in_failures')
		.columns(['email', 'at'])
		.execute();
	await db.schema
		.createIndex('sign_in_failures_address')
		.on('sign_in_failures')
		.columns(['address', 'at'])
		.execute();

	await db.schema
		.createTable('events')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('actor_id', 'text', (c) => c.references('users.id'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('subject_type', 'text', (c) => c.notNull())
		.addColumn('subject_id', 'text', (c) => c.notNull())
		.addColumn('detail', 'text')
		.execute();
	await db.schema
		.createIndex('events_subject')
		.on('events')
		.columns(['subject_type', 'subject_id'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'events',
		'sign_in_failures',
		'outbox',
		'one_time_tokens',
		'sessions',
		'enrolments',
		'supervisions',
		'user_roles'
	]) {
		await db.schema.dropTable(table).execute();
	}
	await db.schema.alterTable('users').dropColumn('team_id').execute();
	await db.schema.dropTable('teams').execute();
	await db.schema.dropTable('users').execute();
}
