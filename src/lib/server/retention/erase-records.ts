import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database, Db } from '../db';
import type { GuestLinkPurpose } from '../links/guest-links';

// A person's own records, erased table by table, children before the rows they belong to. Each
// set of rows is named by a subquery on the person, so a portfolio of any size takes a few
// dozen statements. What belongs to others' records stays: comments and reviews they wrote on
// someone else's record, sign-offs they made, audits of their casework (kept for the audit
// period, see policy.ts), and relationships they held to others.

/** How many of each of their records there are: what erasing them takes away. */
export interface RecordCounts {
	records: number;
	files: number;
	observations: number;
	supervisionRecords: number;
	programmes: number;
	reflections: number;
	selfAssessments: number;
	learningNeeds: number;
	pathways: number;
	feedbackRequests: number;
}

export async function countRecords(db: Db, personId: string): Promise<RecordCounts> {
	const count = async (table: keyof Database, column: string, where = sql`true`) => {
		const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(
			table
		)} where ${sql.ref(column)} = ${personId} and ${where}`.execute(db);
		return Number(rows[0]?.n ?? 0);
	};
	const ofEnrolments = (table: keyof Database) =>
		sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)} where enrolment_id in
			(select id from enrolments where user_id = ${personId})`
			.execute(db)
			.then(({ rows }) => Number(rows[0]?.n ?? 0));
	const files = await sql<{ n: number | string }>`select count(*) as n from attachments where
		evidence_id in (select id from evidence where owner_id = ${personId})`.execute(db);
	return {
		records: await count('evidence', 'owner_id'),
		files: Number(files.rows[0]?.n ?? 0),
		observations: await count('observations', 'practitioner_id'),
		supervisionRecords: await count('supervision_records', 'practitioner_id'),
		programmes: await count('enrolments', 'user_id'),
		reflections: await ofEnrolments('review_reflections'),
		selfAssessments: await count('self_assessments', 'user_id'),
		learningNeeds: await count('learning_needs', 'practitioner_id'),
		pathways: await count('pathway_progress', 'practitioner_id'),
		feedbackRequests: await count('feedback_requests', 'practitioner_id')
	};
}

/**
 * Deletes everything that is the person's own, in the caller's transaction: their evidence with
 * its mapping, comments, files and observations, their invitations to observe them and their
 * requests for feedback (with the links of both); their programmes with reviews, plans,
 * reflections and agreement; supervision records of them; their self-assessments, learning
 * needs and pathways; the relationships others held to them and the handovers of them.
 * Returns the hashes of the files let go of, to release from the store after the commit.
 */
export async function eraseRecords(tx: Db, personId: string): Promise<string[]> {
	await eraseLearning(tx, personId);
	await eraseSupervision(tx, personId);
	await eraseImports(tx, personId);
	await eraseInvitations(tx, personId);
	await eraseFeedbackRequests(tx, personId);
	const hashes = await eraseEvidence(tx, personId);
	await eraseProgrammes(tx, personId);
	await tx.deleteFrom('cpd_reminders').where('user_id', '=', personId).execute();
	const assessments = tx
		.selectFrom('self_assessments')
		.select('id')
		.where('user_id', '=', personId);
	await tx
		.deleteFrom('self_assessment_ratings')
		.where('assessment_id', 'in', assessments)
		.execute();
	await tx.deleteFrom('self_assessments').where('user_id', '=', personId).execute();
	await tx.deleteFrom('handovers').where('practitioner_id', '=', personId).execute();
	await tx.deleteFrom('supervisions').where('supervisee_id', '=', personId).execute();
	return hashes;
}

async function eraseLearning(tx: Db, personId: string) {
	const needs = tx
		.selectFrom('learning_needs')
		.select('id')
		.where('practitioner_id', '=', personId);
	await tx.deleteFrom('learning_need_outcomes').where('need_id', 'in', needs).execute();
	await tx
		.updateTable('pathway_assignments')
		.set({ need_id: null })
		.where('need_id', 'in', needs)
		.execute();
	await tx.deleteFrom('pathway_progress').where('practitioner_id', '=', personId).execute();
	const assignments = tx
		.selectFrom('pathway_assignments')
		.select('id')
		.where('scope', '=', 'person')
		.where('practitioner_id', '=', personId);
	// Nobody else makes progress on an assignment made to them alone.
	await tx.deleteFrom('pathway_progress').where('assignment_id', 'in', assignments).execute();
	await tx
		.deleteFrom('pathway_assignments')
		.where('scope', '=', 'person')
		.where('practitioner_id', '=', personId)
		.execute();
	await tx.deleteFrom('learning_needs').where('practitioner_id', '=', personId).execute();
}

async function eraseSupervision(tx: Db, personId: string) {
	const records = tx
		.selectFrom('supervision_records')
		.select('id')
		.where('practitioner_id', '=', personId);
	const actions = tx
		.selectFrom('supervision_actions')
		.select('id')
		.where('record_id', 'in', records);
	await tx
		.deleteFrom('supervision_action_updates')
		.where((eb) => eb.or([eb('record_id', 'in', records), eb('action_id', 'in', actions)]))
		.execute();
	await tx.deleteFrom('supervision_actions').where('record_id', 'in', records).execute();
	await tx.deleteFrom('supervision_records').where('practitioner_id', '=', personId).execute();
}

async function eraseEvidence(tx: Db, personId: string) {
	const evidence = tx.selectFrom('evidence').select('id').where('owner_id', '=', personId);
	await tx
		.deleteFrom('observations')
		.where((eb) => eb.or([eb('practitioner_id', '=', personId), eb('evidence_id', 'in', evidence)]))
		.execute();
	const files = await tx
		.deleteFrom('attachments')
		.where('evidence_id', 'in', evidence)
		.returning('file_hash')
		.execute();
	for (const table of [
		'evidence_statements',
		'evidence_outcomes',
		'evidence_standards',
		'evidence_comments'
	] as const)
		await tx.deleteFrom(table).where('evidence_id', 'in', evidence).execute();
	// Others' records that were started from one of theirs keep their own text and lose the link.
	for (const table of ['supervision_records', 'pathway_progress'] as const)
		await tx
			.updateTable(table)
			.set({ evidence_id: null })
			.where('evidence_id', 'in', evidence)
			.execute();
	await tx.deleteFrom('evidence').where('owner_id', '=', personId).execute();
	return files.map((f) => f.file_hash);
}

/** Their invitations to observe them, with the names and addresses of those from outside. */
async function eraseInvitations(tx: Db, personId: string) {
	const invitations = tx
		.selectFrom('observation_invitations')
		.select('id')
		.where('practitioner_id', '=', personId);
	await eraseGuestLinks(tx, 'observation', invitations);
	await tx.deleteFrom('observation_invitations').where('practitioner_id', '=', personId).execute();
}

/** Their requests for feedback by link: the links, where they were sent, and the requests. */
async function eraseFeedbackRequests(tx: Db, personId: string) {
	const requests = tx
		.selectFrom('feedback_requests')
		.select('id')
		.where('practitioner_id', '=', personId);
	await eraseGuestLinks(tx, 'feedback', requests);
	await tx.deleteFrom('feedback_contacts').where('request_id', 'in', requests).execute();
	await tx.deleteFrom('feedback_requests').where('practitioner_id', '=', personId).execute();
}

/** The links for people without an account that answer these rows of theirs. */
function eraseGuestLinks<T extends keyof Database>(
	tx: Db,
	purpose: GuestLinkPurpose,
	subjects: SelectQueryBuilder<Database, T, { id: string }>
) {
	return tx
		.deleteFrom('guest_links')
		.where('purpose', '=', purpose)
		.where('subject_id', 'in', subjects)
		.execute();
}

/** Portfolios they brought from another authority: the files' names, histories and sign-offs. */
async function eraseImports(tx: Db, personId: string) {
	const imports = tx.selectFrom('portfolio_imports').select('id').where('user_id', '=', personId);
	for (const table of ['imported_evidence', 'imported_signoffs'] as const)
		await tx.deleteFrom(table).where('import_id', 'in', imports).execute();
	await tx.deleteFrom('portfolio_imports').where('user_id', '=', personId).execute();
}

async function eraseProgrammes(tx: Db, personId: string) {
	const enrolments = tx.selectFrom('enrolments').select('id').where('user_id', '=', personId);
	for (const table of [
		'enrolment_extensions',
		'enrolment_hours',
		'enrolment_pauses',
		'programme_reviews',
		'development_plans',
		'review_reflections',
		'review_reminders',
		'agreements',
		'protected_time'
	] as const)
		await tx.deleteFrom(table).where('enrolment_id', 'in', enrolments).execute();
	await tx.deleteFrom('enrolments').where('user_id', '=', personId).execute();
}
