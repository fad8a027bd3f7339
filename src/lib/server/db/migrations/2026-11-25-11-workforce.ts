import type { Kysely } from 'kysely';

// Personal API tokens for the workforce figures, and indexes for aggregating across a large
// authority.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('api_tokens')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('last_used_at', 'text')
		.addColumn('revoked_at', 'text')
		.execute();
	await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();
	// The latest sign-off entry for a practitioner's outcome.
	await db.schema
		.createIndex('signoffs_outcome_sequence')
		.on('signoffs')
		.columns(['practitioner_id', 'outcome_id', 'framework_version', 'sequence'])
		.execute();
	await db.schema
		.createIndex('evidence_status_owner')
		.on('evidence')
		.columns(['status', 'owner_id'])
		.execute();
	await db.schema.createIndex('users_team').on('users').column('team_id').execute();
	await db.schema
		.createIndex('learning_need_outcomes_outcome')
		.on('learning_need_outcomes')
		.columns(['outcome_id', 'need_id'])
		.execute();
	await db.schema
		.createIndex('audit_findings_kind')
		.on('audit_findings')
		.columns(['kind', 'audit_id'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const index of [
		'audit_findings_kind',
		'learning_need_outcomes_outcome',
		'users_team',
		'evidence_status_owner',
		'signoffs_outcome_sequence'
	])
		await db.schema.dropIndex(index).execute();
	await db.schema.dropTable('api_tokens').execute();
}
