import { sql, type Kysely } from 'kysely';

// The pathways that reach a practitioner (learning/assignments.ts: to them, to their team, or to
// everyone) were found by reading every assignment there is, on every page of a practitioner's
// learning, as the database could look up the first two ways by index but not the third: 0.3 ms
// a page at 5,000 practitioners (3,000 assignments), eight times as many at a national cohort.
// With assignments by scope and team, each way is a range of an index (0.04 ms at 5,000).
// Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('pathway_assignments_scope_team')
		.on('pathway_assignments')
		.columns(['scope', 'team_id'])
		.execute();
	await sql`analyze pathway_assignments`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('pathway_assignments_scope_team').execute();
}
