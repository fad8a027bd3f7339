import { sql, type Kysely } from 'kysely';

// Speed at scale (issue 20): the quarterly report's headline figures counted every learning
// need there has been to find a quarter's, and every completed pathway, and read each of a
// quarter's audits from the table (20,000 at a national cohort) for its grades, escalation and
// moderation. Here the needs by when they were raised and met, pathways by when they were
// completed, and the audits with all that the headlines count, so that a quarter is one range
// of an index. Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	for (const column of ['created_at', 'met_at'])
		await db.schema
			.createIndex(`learning_needs_${column}`)
			.on('learning_needs')
			.columns([column, 'practitioner_id'])
			.execute();
	await db.schema
		.createIndex('pathway_progress_completed_at')
		.on('pathway_progress')
		.columns(['completed_at', 'practitioner_id'])
		.execute();
	await db.schema
		.createIndex('audits_headlines')
		.on('audits')
		.columns([
			'status',
			'audited_on',
			'team_id',
			'overall_grade',
			'moderated_overall_grade',
			'moderated_at',
			'escalation',
			'response_at',
			'finalised_at'
		])
		.execute();
	await sql`analyze learning_needs`.execute(db);
	await sql`analyze audits`.execute(db);
	await sql`analyze pathway_progress`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const index of [
		'learning_needs_created_at',
		'learning_needs_met_at',
		'pathway_progress_completed_at',
		'audits_headlines'
	])
		await db.schema.dropIndex(index).execute();
}
