import type { Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import type { ApiTokenScope } from '../db/schema';
import { timestamp } from '../db/time';
import { apiTokenHash, newApiToken } from './api-token-format.js';
import { sessionUserColumns, sessionUserOf, dueForTouch, type SessionUser } from './session';

/**
 * Personal API tokens (`Authorization: Bearer gt_…`): for the authority's reporting tools and HR
 * systems on the JSON API (scope `api`), or for its directory provisioning people by SCIM (scope
 * `scim`, administrators' only). A token works for its own scope only. Like sessions, only the
 * token's SHA-256 is stored; the token is shown once, when it is made. A token acts as its
 * owner, with their roles today.
 */
export async function createApiToken(
	db: Db,
	userId: string,
	name: string,
	scope: ApiTokenScope = 'api',
	now = new Date()
) {
	const token = newApiToken();
	const id = newId();
	await db
		.insertInto('api_tokens')
		.values({
			id,
			user_id: userId,
			name,
			token_hash: apiTokenHash(token),
			created_at: timestamp(now),
			last_used_at: null,
			revoked_at: null,
			scope
		})
		.execute();
	await recordEvent(
		db,
		{
			actorId: userId,
			action: 'api-token.created',
			subjectType: 'api_token',
			subjectId: id,
			detail: { scope }
		},
		now
	);
	return { id, token };
}

export function listApiTokens(db: Db, userId: string) {
	return db
		.selectFrom('api_tokens')
		.select(['id', 'name', 'scope', 'created_at', 'last_used_at', 'revoked_at'])
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

/** Who a bearer token acts as, and what it is for. */
export interface ApiTokenHolder {
	tokenId: string;
	scope: ApiTokenScope;
	user: SessionUser;
}

/** The active person a bearer token belongs to, and its scope, unless it was revoked. */
export async function holderOfApiToken(
	db: Db,
	token: string,
	now = new Date()
): Promise<ApiTokenHolder | undefined> {
	if (!token.startsWith('gt_')) return undefined;
	// The holder's roles come with them, a row a role.
	const rows = await db
		.selectFrom('api_tokens')
		.innerJoin('users', 'users.id', 'api_tokens.user_id')
		.leftJoin('user_roles', 'user_roles.user_id', 'users.id')
		.select(['api_tokens.id', 'api_tokens.scope', 'api_tokens.last_used_at', ...sessionUserColumns])
		.where('api_tokens.token_hash', '=', apiTokenHash(token))
		.where('api_tokens.revoked_at', 'is', null)
		.execute();
	const [row] = rows;
	if (!row || !row.active) return undefined;
	// As a session's last_seen_at: a minute's accuracy, not a write for every call a tool makes.
	if (dueForTouch(row.last_used_at, now))
		await db
			.updateTable('api_tokens')
			.set({ last_used_at: timestamp(now) })
			.where('id', '=', row.id)
			.execute();
	return {
		tokenId: row.id,
		scope: row.scope,
		user: sessionUserOf(rows)
	};
}
