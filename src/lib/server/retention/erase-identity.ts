import { sql } from 'kysely';
import type { Db } from '../db';
import { timestamp } from '../db/time';

/** What an erased person is called wherever others' records name them. */
export const erasedName = 'Erased person';

/** An address that can never be anyone's (`.invalid` is reserved), unique to the row. */
export const erasedEmail = (id: string) => `erased-${id}@erased.invalid`;

const signInTables = [
	'user_roles',
	'sessions',
	'one_time_tokens',
	'sso_identities',
	'two_factor',
	'recovery_codes',
	'pending_sign_ins',
	'scim_people',
	'api_tokens'
] as const;

/**
 * Replaces the person's name and email, in the caller's transaction, and removes all they could
 * sign in with. Their row stays, because others' records (a sign-off they made, a review they
 * wrote) name them by id; those now read "Erased person".
 */
export async function eraseIdentity(
	tx: Db,
	person: { id: string; email: string },
	now: Date
): Promise<void> {
	for (const table of signInTables)
		await tx.deleteFrom(table).where('user_id', '=', person.id).execute();
	await tx.deleteFrom('sign_in_failures').where('email', '=', person.email).execute();
	await tx
		.updateTable('users')
		.set({
			name: erasedName,
			email: erasedEmail(person.id),
			password_hash: null,
			career_stage: null,
			swe_number: null,
			team_id: null,
			active: 0,
			erased_at: timestamp(now)
		})
		.where('id', '=', person.id)
		.execute();
}

/** `%text%` for LIKE, with LIKE's own characters escaped. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Whether a column's text holds a word: as written, or in any case. Both, because SQLite's
 * lower() changes only ASCII letters, and a name may have others.
 */
const holds = (column: string, word: string) =>
	sql<boolean>`(${sql.ref(column)} like ${containing(word)} escape '\\' or lower(${sql.ref(
		column
	)}) like ${containing(word.toLowerCase())} escape '\\')`;

/**
 * Removes where their name or email was copied into text: emails in the outbox to them or about
 * them, the details of events about them or their records (the events stay: what was done, by
 * whom, when), and their row in staff files from HR. Run before their records are deleted, so
 * the events about those records can still be found.
 */
export async function eraseMentions(
	tx: Db,
	person: { id: string; name: string; email: string }
): Promise<void> {
	// A name too short to be anyone's whole name would match words in everyone's text.
	const words = person.name.trim().length >= 5 ? [person.email, person.name] : [person.email];
	const mentions = (column: 'subject' | 'body' | 'detail' | 'recipient') =>
		words.map((word) => holds(column, word));
	await tx
		.deleteFrom('outbox')
		.where((eb) => eb.or([...mentions('recipient'), ...mentions('subject'), ...mentions('body')]))
		.execute();
	const theirs = {
		user: [person.id],
		evidence: tx.selectFrom('evidence').select('id').where('owner_id', '=', person.id),
		enrolment: tx.selectFrom('enrolments').select('id').where('user_id', '=', person.id),
		'self-assessment': tx
			.selectFrom('self_assessments')
			.select('id')
			.where('user_id', '=', person.id),
		'feedback-request': tx
			.selectFrom('feedback_requests')
			.select('id')
			.where('practitioner_id', '=', person.id)
	};
	await tx
		.updateTable('events')
		.set({ detail: null })
		.where((eb) =>
			eb.or([
				...mentions('detail'),
				...Object.entries(theirs).map(([type, ids]) =>
					eb.and([eb('subject_type', '=', type), eb('subject_id', 'in', ids)])
				)
			])
		)
		.execute();
	await eraseFromStaffFiles(tx, person.email);
}

/** Each line of a kept staff file that names them, taken out. */
async function eraseFromStaffFiles(tx: Db, email: string) {
	const files = await tx
		.selectFrom('imports')
		.select(['id', 'content'])
		.where(holds('content', email))
		.execute();
	for (const file of files) {
		const lines = file.content.split(/(?<=\n)/);
		const kept = lines.filter((line) => !line.toLowerCase().includes(email.toLowerCase()));
		await tx
			.updateTable('imports')
			.set({ content: kept.join('') })
			.where('id', '=', file.id)
			.execute();
	}
}
