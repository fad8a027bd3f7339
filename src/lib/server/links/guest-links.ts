import { inTransaction, type Db } from '../db';
import type { GuestLinksTable } from '../db/schema';
import { batches } from '../db/batches';
import { addMs, days, timestamp } from '../db/time';
import { claimSignInAttempt, forgiveAttempt } from '../auth/rate-limit';
import { generateSessionToken, sessionIdFor } from '../auth/session';

/**
 * Links for people without an account: a child or parent giving feedback, an observer from
 * outside, an auditor's respondent, a member of staff answering a survey. Each link answers one
 * row (its subject: a feedback request, an invitation), is used once, and expires. Only the
 * token's hash is stored, so the table cannot be read back into working links.
 */
export type GuestLinkPurpose = GuestLinksTable['purpose'];

/** How long a link lasts unless its feature says otherwise. */
export const guestLinkLifetime = days(14);

export interface GuestLinkOptions {
	now?: Date;
	lifetime?: number;
}

/** Issues one link for the subject; returns the token, to be sent and then forgotten. */
export async function createGuestLink(
	db: Db,
	purpose: GuestLinkPurpose,
	subjectId: string,
	options: GuestLinkOptions = {}
) {
	const [token] = await createGuestLinks(db, purpose, [subjectId], options);
	return token;
}

/** Issues a link for each subject in few statements (a survey sent to every member of staff). */
export async function createGuestLinks(
	db: Db,
	purpose: GuestLinkPurpose,
	subjectIds: string[],
	{ now = new Date(), lifetime = guestLinkLifetime }: GuestLinkOptions = {}
) {
	const tokens = subjectIds.map(() => generateSessionToken());
	const rows = subjectIds.map((subjectId, n) => ({
		id: sessionIdFor(tokens[n]),
		purpose,
		subject_id: subjectId,
		created_at: timestamp(now),
		expires_at: timestamp(addMs(now, lifetime)),
		used_at: null
	}));
	await inTransaction(db, async (tx) => {
		for (const group of batches(rows)) await tx.insertInto('guest_links').values(group).execute();
	});
	return tokens;
}

export type GuestLink =
	| { state: 'open'; id: string; subjectId: string; expiresAt: Date }
	| { state: 'used'; usedAt: Date }
	| { state: 'expired'; expiresAt: Date }
	| { state: 'unknown' }
	| { state: 'limited'; retryAt: Date };

// Misses are counted under one name for every link, by the address they come from.
const guessedName = 'guest-link';

/**
 * What a token opens, without using it. A token that is not a link of this purpose counts as a
 * guess against the address it came from; one that is (open, used or expired) does not.
 */
export async function openGuestLink(
	db: Db,
	token: string,
	purpose: GuestLinkPurpose,
	address: string,
	now = new Date()
): Promise<GuestLink> {
	const claim = await claimSignInAttempt(db, guessedName, address, now, 'link');
	if (!claim.ok) return { state: 'limited', retryAt: claim.retryAt };
	const link = await db
		.selectFrom('guest_links')
		.select(['id', 'subject_id', 'expires_at', 'used_at'])
		.where('id', '=', sessionIdFor(token))
		.where('purpose', '=', purpose)
		.executeTakeFirst();
	if (!link) return { state: 'unknown' };
	await forgiveAttempt(db, claim.id);
	if (link.used_at) return { state: 'used', usedAt: new Date(link.used_at) };
	const expiresAt = new Date(link.expires_at);
	if (expiresAt <= now) return { state: 'expired', expiresAt };
	return { state: 'open', id: link.id, subjectId: link.subject_id, expiresAt };
}

/**
 * Uses a link up, inside the transaction that saves its answer: false when it was used (in
 * another tab, by a double click) or expired meanwhile, and then the answer must not be saved.
 */
export async function spendGuestLink(tx: Db, id: string, now = new Date()) {
	const result = await tx
		.updateTable('guest_links')
		.set({ used_at: timestamp(now) })
		.where('id', '=', id)
		.where('used_at', 'is', null)
		.where('expires_at', '>', timestamp(now))
		.executeTakeFirst();
	return result.numUpdatedRows === 1n;
}

/** Stops a subject's unused links working, e.g. a request withdrawn: they read as expired. */
export async function withdrawGuestLinks(
	db: Db,
	purpose: GuestLinkPurpose,
	subjectIds: string[],
	now = new Date()
) {
	for (const group of batches(subjectIds))
		await db
			.updateTable('guest_links')
			.set({ expires_at: timestamp(now) })
			.where('purpose', '=', purpose)
			.where('subject_id', 'in', group)
			.where('used_at', 'is', null)
			.where('expires_at', '>', timestamp(now))
			.execute();
}
