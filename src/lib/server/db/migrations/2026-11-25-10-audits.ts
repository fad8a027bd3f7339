import type { Kysely } from 'kysely';

// Case audits (grades per practice area, triangulation, findings, actions, moderation), the
// learning needs their development findings raise, and learning pathways assigned and worked.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('audits')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('type', 'text', (c) => c.notNull())
		.addColumn('theme', 'text')
		.addColumn('case_ref', 'text', (c) => c.notNull())
		.addColumn('practitioner_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('team_id', 'text', (c) => c.references('teams.id'))
		.addColumn('manager_id', 'text', (c) => c.references('users.id'))
		.addColumn('auditor_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('co_auditor_id', 'text', (c) => c.references('users.id'))
		.addColumn('period_start', 'text', (c) => c.notNull())
		.addColumn('period_end', 'text', (c) => c.notNull())
		.addColumn('audited_on', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('grip', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('grip_reason', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('child_view', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('parent_view', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('views_not_obtained', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('worker_view', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('manager_view', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('overall_grade', 'text')
		.addColumn('escalation', 'text')
		.addColumn('response', 'text')
		.addColumn('response_by', 'text', (c) => c.references('users.id'))
		.addColumn('response_at', 'text')
		.addColumn('receipt_by', 'text', (c) => c.references('users.id'))
		.addColumn('receipt_at', 'text')
		.addColumn('management_directions', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('moderator_id', 'text', (c) => c.references('users.id'))
		.addColumn('moderated_overall_grade', 'text')
		.addColumn('moderation_comments', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('moderated_by', 'text', (c) => c.references('users.id'))
		.addColumn('moderated_at', 'text')
		.addColumn('anonymity_confirmed_at', 'text')
		.addColumn('finalised_at', 'text')
		.addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	for (const column of ['practitioner_id', 'team_id', 'auditor_id', 'manager_id', 'audited_on'])
		await db.schema.createIndex(`audits_${column}`).on('audits').column(column).execute();

	await db.schema
		.createTable('audit_grades')
		.addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id'))
		.addColumn('stage', 'text', (c) => c.notNull())
		.addColumn('area_id', 'text', (c) => c.notNull())
		.addColumn('grade', 'text', (c) => c.notNull())
		.addColumn('effective_grade', 'text', (c) => c.notNull())
		.addColumn('evidence', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('audit_grades_pk', ['audit_id', 'stage', 'area_id'])
		.execute();
	// Counting grades by area and stage, and reading an audit's grades, from indexes alone.
	await db.schema
		.createIndex('audit_grades_stage_area')
		.on('audit_grades')
		.columns(['stage', 'area_id', 'audit_id', 'effective_grade'])
		.execute();
	await db.schema
		.createIndex('audit_grades_cover')
		.on('audit_grades')
		.columns(['audit_id', 'stage', 'area_id', 'effective_grade'])
		.execute();

	await db.schema
		.createTable('audit_findings')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('audit_findings_audit')
		.on('audit_findings')
		.column('audit_id')
		.execute();
	await db.schema
		.createTable('audit_finding_tags')
		.addColumn('finding_id', 'text', (c) => c.notNull().references('audit_findings.id'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('ref', 'text', (c) => c.notNull())
		.addColumn('framework_version', 'text')
		.addPrimaryKeyConstraint('audit_finding_tags_pk', ['finding_id', 'kind', 'ref'])
		.execute();
	await db.schema
		.createIndex('audit_finding_tags_ref')
		.on('audit_finding_tags')
		.columns(['kind', 'ref'])
		.execute();

	await db.schema
		.createTable('audit_actions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id'))
		.addColumn('description', 'text', (c) => c.notNull())
		.addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('due_on', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('done_at', 'text')
		.addColumn('signed_off_by', 'text', (c) => c.references('users.id'))
		.addColumn('signed_off_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('audit_actions_audit')
		.on('audit_actions')
		.column('audit_id')
		.execute();
	await db.schema
		.createIndex('audit_actions_status_due')
		.on('audit_actions')
		.columns(['status', 'due_on'])
		.execute();

	await db.schema
		.createTable('learning_needs')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('practitioner_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('audit_id', 'text', (c) => c.references('audits.id'))
		.addColumn('finding_id', 'text', (c) => c.references('audit_findings.id'))
		.addColumn('description', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('met_by', 'text')
		.addColumn('met_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('learning_needs_practitioner')
		.on('learning_needs')
		.columns(['practitioner_id', 'status'])
		.execute();
	await db.schema
		.createTable('learning_need_outcomes')
		.addColumn('need_id', 'text', (c) => c.notNull().references('learning_needs.id'))
		.addColumn('framework_version', 'text', (c) => c.notNull())
		.addColumn('outcome_id', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('learning_need_outcomes_pk', ['need_id', 'outcome_id'])
		.execute();

	await db.schema
		.createTable('pathway_assignments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('pathway_id', 'text', (c) => c.notNull())
		.addColumn('scope', 'text', (c) => c.notNull())
		.addColumn('practitioner_id', 'text', (c) => c.references('users.id'))
		.addColumn('team_id', 'text', (c) => c.references('teams.id'))
		.addColumn('need_id', 'text', (c) => c.references('learning_needs.id'))
		.addColumn('due_on', 'text')
		.addColumn('assigned_by', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('assigned_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('pathway_assignments_practitioner')
		.on('pathway_assignments')
		.column('practitioner_id')
		.execute();
	await db.schema
		.createIndex('pathway_assignments_team')
		.on('pathway_assignments')
		.column('team_id')
		.execute();
	await db.schema
		.createTable('pathway_progress')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('assignment_id', 'text', (c) => c.notNull().references('pathway_assignments.id'))
		.addColumn('practitioner_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('steps_done', 'text', (c) => c.notNull())
		.addColumn('reflection', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('started_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('completed_at', 'text')
		.addColumn('evidence_id', 'text', (c) => c.references('evidence.id'))
		.addUniqueConstraint('pathway_progress_one', ['assignment_id', 'practitioner_id'])
		.execute();
	await db.schema
		.createIndex('pathway_progress_practitioner')
		.on('pathway_progress')
		.column('practitioner_id')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'pathway_progress',
		'pathway_assignments',
		'learning_need_outcomes',
		'learning_needs',
		'audit_actions',
		'audit_finding_tags',
		'audit_findings',
		'audit_grades',
		'audits'
	])
		await db.schema.dropTable(table).execute();
}
