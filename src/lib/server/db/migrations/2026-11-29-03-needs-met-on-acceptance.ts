import { sql, type Kysely } from 'kysely';

// A learning need is met when the supervisor accepts the evidence that completing its pathway
// submitted, not when the pathway is completed. Needs marked met before that are put back to
// `submitted` (waiting for review), and those whose evidence was accepted are dated from the
// acceptance, so that the quarterly figures count them in the right quarter. Frozen once released.

const evidenceOf = (status: 'accepted' | 'not accepted') => sql`
	select e.id from pathway_progress p join evidence e on e.id = p.evidence_id
	where p.id = learning_needs.met_by and e.status ${status === 'accepted' ? sql`=` : sql`<>`} 'accepted'`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await sql`update learning_needs set status = 'submitted', met_at = null
		where status = 'met' and exists (${evidenceOf('not accepted')})`.execute(db);
	await sql`update learning_needs set met_at = (
			select e.reviewed_at from pathway_progress p join evidence e on e.id = p.evidence_id
			where p.id = learning_needs.met_by)
		where status = 'met' and exists (${evidenceOf('accepted')})`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await sql`update learning_needs set status = 'met', met_at = (
			select p.completed_at from pathway_progress p where p.id = learning_needs.met_by)
		where status = 'submitted'`.execute(db);
}
