import { inTransaction, type Db } from '../db';
import { batches } from '../db/batches';
import { addMs, days, hours, timestamp } from '../db/time';
import { generateSessionToken, sessionIdFor } from './session';

export type LinkPurpose = 'invite' | 'reset';

export const linkLifetime: Record<LinkPurpose, number> = { invite: days(7), reset: hours(1) };

/** Issues a link token (only its hash is stored); earlier unused links of the same kind stop working. */
export async function createOneTimeLink(
	db: Db,
	userId: string,
	purpose: LinkPurpose,
	now = new Date()
) {
	const [token] = await createOneTimeLinks(db, [userId], purpose, now);
	return token;
}

/** Issues a link token to each person, in few statements however many (an import's new people). */
export async function createOneTimeLinks(
	db: Db,
	userIds: string[],
	purpose: LinkPurpose,
	now = new Date()
) {
	const tokens = userIds.map(() => generateSessionToken());
	await inTransaction(db, async (tx) => {
		for (const group of batches(userIds.map((userId, n) => ({ userId, token: tokens[n] })))) {
			await tx
				.updateTable('one_time_tokens')
				.set({ used_at: timestamp(now) })
				.where(
					'user_id',
					'in',
					group.map((g) => g.userId)
				)
				.where('purpose', '=', purpose)
				.where('used_at', 'is', null)
				.execute();
			await tx
				.insertInto('one_time_tokens')
				.values(
					group.map(({ userId, token }) => ({
						id: sessionIdFor(token),
						user_id: userId,
						purpose,
						created_at: timestamp(now),
						expires_at: timestamp(addMs(now, linkLifetime[purpose])),
						used_at: null
					}))
				)
				.execute();
		}
	});
	return tokens;
}

/** The person a link is for, if it is unused and unexpired; does not use it up. */
export async function findOneTimeLink(db: Db, token: string, now = new Date()) {
	return db
		.selectFrom('one_time_tokens')
		.innerJoin('users', 'users.id', 'one_time_tokens.user_id')
		.select([
			'one_time_tokens.id',
			'one_time_tokens.purpose',
			'users.id as userId',
			'users.email',
			'users.name'
		])
		.where('one_time_tokens.id', '=', sessionIdFor(token))
		.where('one_time_tokens.used_at', 'is', null)
		.where('one_time_tokens.expires_at', '>', timestamp(now))
		.where('users.active', '=', 1)
		.executeTakeFirst();
}

/**
 * Uses a link to set a password: the link is spent, the password saved and every existing
 * session ended, all at once. False when the link was used meanwhile (e.g. in another tab).
 */
export async function setPasswordWithLink(
	db: Db,
	token: string,
	passwordHash: string,
	now = new Date()
) {
	return db.transaction().execute(async (tx) => {
		const link = await findOneTimeLink(tx, token, now);
		if (!link) return false;
		await tx
			.updateTable('one_time_tokens')
			.set({ used_at: timestamp(now) })
			.where('id', '=', link.id)
			.execute();
		await tx
			.updateTable('users')
			.set({ password_hash: passwordHash })
			.where('id', '=', link.userId)
			.execute();
		await tx.deleteFrom('sessions').where('user_id', '=', link.userId).execute();
		return true;
	});
}
