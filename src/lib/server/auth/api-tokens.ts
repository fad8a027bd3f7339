import type { Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { timestamp } from '../db/time';
import { generateSessionToken, rolesOf, sessionIdFor, type SessionUser } from './session';

/**
 * Personal API tokens, for the authority's reporting tools to read the workforce figures
 * (`Authorization: Bearer gt_…`). Like sessions, only the token's SHA-256 is stored; the token
 * is shown once, when it is made. A token acts as its owner, with their roles today.
 */
export async function createApiToken(db: Db, userId: string, name: string, now = new Date()) {
	const token = `gt_${generateSessionToken()}`;
	const id = newId();
	await db
		.insertInto('api_tokens')
		.values({
			id,
			user_id: userId,
			name,
			token_hash: sessionIdFor(token),
			created_at: timestamp(now),
			last_used_at: null,
			revoked_at: null
		})
		.execute();
	await recordEvent(
		db,
		{ actorId: userId, action: 'api-token.created', subjectType: 'api_token', subjectId: id },
		now
	);
	return { id, token };
}

export function listApiTokens(db: Db, userId: string) {
	return db
		.selectFrom('api_tokens')
		.select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
		.where('user_id', '=', userId)
		.orderBy('created_at', 'desc')
		.execute();
}

export async function revokeApiToken(db: Db, userId: string, id: string, now = new Date()) {
	const result = await db
		.updateTable('api_tokens')
		.set({ revoked_at: timestamp(now) })
		.where('id', '=', id)
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) === 1)
		await recordEvent(
			db,
			{ actorId: userId, action: 'api-token.revoked', subjectType: 'api_token', subjectId: id },
			now
		);
}

/** The active person a bearer token belongs to, unless it was revoked. */
export async function userForApiToken(
	db: Db,
	token: string,
	now = new Date()
): Promise<SessionUser | undefined> {
	if (!token.startsWith('gt_')) return undefined;
	const row = await db
		.selectFrom('api_tokens')
		.innerJoin('users', 'users.id', 'api_tokens.user_id')
		.select([
			'api_tokens.id',
			'users.id as userId',
			'users.email',
			'users.name',
			'users.team_id',
			'users.career_stage',
			'users.active'
		])
		.where('api_tokens.token_hash', '=', sessionIdFor(token))
		.where('api_tokens.revoked_at', 'is', null)
		.executeTakeFirst();
	if (!row || !row.active) return undefined;
	await db
		.updateTable('api_tokens')
		.set({ last_used_at: timestamp(now) })
		.where('id', '=', row.id)
		.execute();
	return {
		id: row.userId,
		email: row.email,
		name: row.name,
		roles: await rolesOf(db, row.userId),
		teamId: row.team_id,
		careerStage: row.career_stage
	};
}
