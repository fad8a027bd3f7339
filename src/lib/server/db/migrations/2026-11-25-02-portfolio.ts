import type { Kysely } from 'kysely';

// The portfolio: evidence records, their mapping to outcomes and statements (always with the
// framework version), attachments, and self-assessments. Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('evidence')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('activity_date', 'text', (c) => c.notNull())
		.addColumn('type', 'text', (c) => c.notNull())
		.addColumn('account', 'text', (c) => c.notNull())
		.addColumn('reflection_model', 'text', (c) => c.notNull())
		.addColumn('reflection', 'text', (c) => c.notNull())
		.addColumn('cpd_type', 'text')
		.addColumn('cpd_relevance', 'text', (c) => c.notNull())
		.addColumn('cpd_learning', 'text', (c) => c.notNull())
		.addColumn('cpd_impact', 'text', (c) => c.notNull())
		.addColumn('peer_reflected', 'integer')
		.addColumn('peer_reflection', 'text', (c) => c.notNull())
		.addColumn('cpd_minutes', 'integer')
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('submitted_at', 'text')
		.addColumn('anonymity_confirmed_at', 'text')
		.addColumn('reviewed_by', 'text', (c) => c.references('users.id'))
		.addColumn('reviewed_at', 'text')
		.addColumn('review_feedback', 'text')
		.execute();
	await db.schema
		.createIndex('evidence_owner_status')
		.on('evidence')
		.columns(['owner_id', 'status'])
		.execute();
	await db.schema
		.createIndex('evidence_owner_date')
		.on('evidence')
		.columns(['owner_id', 'activity_date'])
		.execute();
	await db.schema
		.createIndex('evidence_status_submitted')
		.on('evidence')
		.columns(['status', 'submitted_at'])
		.execute();

	await db.schema
		.createTable('evidence_outcomes')
		.addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id'))
		.addColumn('framework_version', 'text', (c) => c.notNull())
		.addColumn('outcome_id', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('evidence_outcomes_pk', [
			'evidence_id',
			'framework_version',
			'outcome_id'
		])
		.execute();
	await db.schema
		.createIndex('evidence_outcomes_outcome')
		.on('evidence_outcomes')
		.columns(['framework_version', 'outcome_id'])
		.execute();

	await db.schema
		.createTable('evidence_statements')
		.addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id'))
		.addColumn('framework_version', 'text', (c) => c.notNull())
		.addColumn('outcome_id', 'text', (c) => c.notNull())
		.addColumn('statement_id', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('evidence_statements_pk', [
			'evidence_id',
			'framework_version',
			'statement_id'
		])
		.execute();

	await db.schema
		.createTable('attachments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id'))
		.addColumn('file_hash', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('mime', 'text', (c) => c.notNull())
		.addColumn('size', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('removed_at', 'text')
		.execute();
	await db.schema
		.createIndex('attachments_evidence')
		.on('attachments')
		.column('evidence_id')
		.execute();

	await db.schema
		.createTable('self_assessments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('framework_version', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('self_assessments_user')
		.on('self_assessments')
		.columns(['user_id', 'created_at'])
		.execute();

	await db.schema
		.createTable('self_assessment_ratings')
		.addColumn('assessment_id', 'text', (c) => c.notNull().references('self_assessments.id'))
		.addColumn('outcome_id', 'text', (c) => c.notNull())
		.addColumn('rating', 'text', (c) => c.notNull())
		.addColumn('note', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('self_assessment_ratings_pk', ['assessment_id', 'outcome_id'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'self_assessment_ratings',
		'self_assessments',
		'attachments',
		'evidence_statements',
		'evidence_outcomes',
		'evidence'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
