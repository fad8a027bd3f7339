import { inTransaction, type Db } from '../db';
import { recordEvent } from '../db/events';
import { timestamp } from '../db/time';
import type { SsoIdentity } from './sso-identity';

export type SsoRefusal = 'unverified' | 'unknown' | 'deactivated' | 'linked-elsewhere';

export type SsoMatch = { ok: true; userId: string } | { ok: false; reason: SsoRefusal };

/**
 * The person a single sign-on is for: the one the provider's subject was linked to before, or
 * else the active person with the verified email, whom the subject is then linked to. Nobody
 * gets an account by signing in. A person already linked to another subject at this provider
 * is refused rather than moved: a reused email address must not hand one person's records to
 * another.
 */
export async function matchSsoPerson(
	db: Db,
	identity: SsoIdentity,
	now = new Date()
): Promise<SsoMatch> {
	return inTransaction(db, async (tx) => {
		const linked = await linkedPerson(tx, identity);
		if (linked) return linked.active ? { ok: true, userId: linked.id } : refuse('deactivated');
		if (!identity.verifiedEmail) return refuse('unverified');
		const person = await tx
			.selectFrom('users')
			.select(['id', 'active'])
			.where('email', '=', identity.verifiedEmail)
			.executeTakeFirst();
		if (!person) return refuse('unknown');
		if (!person.active) return refuse('deactivated');
		const other = await tx
			.selectFrom('sso_identities')
			.select('subject')
			.where('issuer', '=', identity.issuer)
			.where('client_id', '=', identity.clientId)
			.where('user_id', '=', person.id)
			.executeTakeFirst();
		if (other) return refuse('linked-elsewhere');
		if (await linkSubject(tx, identity, person.id, now)) return { ok: true, userId: person.id };
		// On PostgreSQL, the same first sign-in in two tabs at once: the other linked first.
		const raced = await linkedPerson(tx, identity);
		return raced?.id === person.id ? { ok: true, userId: person.id } : refuse('linked-elsewhere');
	});
}

const refuse = (reason: SsoRefusal): SsoMatch => ({ ok: false, reason });

function linkedPerson(db: Db, identity: SsoIdentity) {
	return db
		.selectFrom('sso_identities')
		.innerJoin('users', 'users.id', 'sso_identities.user_id')
		.select(['users.id', 'users.active'])
		.where('sso_identities.issuer', '=', identity.issuer)
		.where('sso_identities.client_id', '=', identity.clientId)
		.where('sso_identities.subject', '=', identity.subject)
		.executeTakeFirst();
}

/** Links the subject to the person, and says so in the event log; false if it was linked meanwhile. */
async function linkSubject(db: Db, identity: SsoIdentity, userId: string, now: Date) {
	const inserted = await db
		.insertInto('sso_identities')
		.values({
			issuer: identity.issuer,
			client_id: identity.clientId,
			subject: identity.subject,
			user_id: userId,
			created_at: timestamp(now)
		})
		.onConflict((conflict) => conflict.doNothing())
		.executeTakeFirst();
	if (!inserted.numInsertedOrUpdatedRows) return false;
	await recordEvent(
		db,
		{
			actorId: userId,
			action: 'person.sso-linked',
			subjectType: 'user',
			subjectId: userId,
			detail: { issuer: identity.issuer }
		},
		now
	);
	return true;
}
