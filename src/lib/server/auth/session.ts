import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db';
import { prepared } from '../db/prepared';
import { rolesInOrder, type Role, type SignInMethod } from '../db/schema';
import { addMs, days, hours, minutes, timestamp } from '../db/time';

export const idleTimeout = hours(8);
export const absoluteTimeout = days(30);
// Writing last_seen_at on every request would be a write per page; a minute's accuracy is enough.
const touchInterval = minutes(1);

/** Whether a last activity (a session's, an API token's) is old enough to be written again. */
export const dueForTouch = (last: string | null, now: Date) =>
	!last || now.getTime() - new Date(last).getTime() >= touchInterval;

export interface SessionUser {
	id: string;
	email: string;
	name: string;
	roles: Role[];
	teamId: string | null;
	careerStage: string | null;
	/** Whether they have a Social Work England registration number (`keepsPortfolio`). */
	registered: boolean;
}

export interface ValidSession {
	id: string;
	userId: string;
	createdAt: string;
	expiresAt: Date;
	method: SignInMethod;
}

/**
 * Whether the person signed in through the authority's OpenID provider, which asks for its own
 * second factor: a second factor here is for password sign-ins only.
 */
export const signedInWithProvider = (session: Pick<ValidSession, 'method'>) =>
	session.method === 'oidc';

/** 160 random bits, base32: the token lives only in the person's cookie. */
export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export const sessionIdFor = (token: string) =>
	encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

export async function createSession(
	db: Db,
	token: string,
	userId: string,
	now = new Date(),
	method: SignInMethod = 'password'
) {
	const session = {
		id: sessionIdFor(token),
		user_id: userId,
		created_at: timestamp(now),
		last_seen_at: timestamp(now),
		method
	};
	await db.insertInto('sessions').values(session).execute();
	return session;
}

/**
 * Signs someone in who has just shown who they are: a new session and its cookie. Any session
 * this browser had before ends, so a session never outlives a change of who is signed in.
 */
export async function startSession(
	db: Db,
	cookies: Cookies,
	url: URL,
	userId: string,
	method: SignInMethod,
	previous: { id: string } | null
) {
	if (previous) await invalidateSession(db, previous.id);
	const token = generateSessionToken();
	const now = new Date();
	await createSession(db, token, userId, now, method);
	setSessionCookie(cookies, url, token, now);
}

/** When a session ends: 8 hours after it was last used, and 30 days after it began, whichever is first. */
export function sessionExpiry(createdAt: string, lastSeenAt: string): Date {
	const idle = addMs(new Date(lastSeenAt), idleTimeout);
	const absolute = addMs(new Date(createdAt), absoluteTimeout);
	return idle < absolute ? idle : absolute;
}

/** A session with its person, a row for each of their roles: asked on every request, so built once. */
const sessionQuery = prepared((db, id: string) =>
	db
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.user_id')
		.leftJoin('user_roles', 'user_roles.user_id', 'users.id')
		.select([
			'sessions.id',
			'sessions.created_at',
			'sessions.last_seen_at',
			'sessions.method',
			...sessionUserColumns
		])
		.where('sessions.id', '=', id)
);

export async function validateSessionToken(
	db: Db,
	token: string,
	now = new Date()
): Promise<{ session: ValidSession; user: SessionUser } | null> {
	const id = sessionIdFor(token);
	// The person's roles come with them, a row a role (none for someone with no role).
	const rows = await sessionQuery(db, id);
	const [row] = rows;
	if (!row) return null;
	if (!row.active || sessionExpiry(row.created_at, row.last_seen_at) <= now) {
		await db.deleteFrom('sessions').where('id', '=', id).execute();
		return null;
	}
	let lastSeen = row.last_seen_at;
	if (dueForTouch(lastSeen, now)) {
		lastSeen = timestamp(now);
		await db.updateTable('sessions').set({ last_seen_at: lastSeen }).where('id', '=', id).execute();
	}
	return {
		session: {
			id,
			userId: row.userId,
			createdAt: row.created_at,
			expiresAt: sessionExpiry(row.created_at, lastSeen),
			method: row.method
		},
		user: sessionUserOf(rows)
	};
}

/**
 * The columns a signed-in person is made of, for a query of `users` joined to `user_roles` (so a
 * row a role, and one row with no role for someone with none): a session's or a token's holder.
 */
export const sessionUserColumns = [
	'users.id as userId',
	'users.email',
	'users.name',
	'users.active',
	'users.team_id',
	'users.career_stage',
	'users.swe_number',
	'user_roles.role'
] as const;

/** The signed-in person from the rows of `sessionUserColumns`. */
export function sessionUserOf(rows: SessionUserRow[]): SessionUser {
	const [row] = rows;
	return {
		id: row.userId,
		email: row.email,
		name: row.name,
		roles: rolesInOrder(rows.map((r) => r.role)),
		teamId: row.team_id,
		careerStage: row.career_stage,
		registered: Boolean(row.swe_number)
	};
}

interface SessionUserRow {
	userId: string;
	email: string;
	name: string;
	team_id: string | null;
	career_stage: string | null;
	swe_number: string | null;
	role: Role | null;
}

export async function invalidateSession(db: Db, sessionId: string) {
	await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Signs a person out everywhere: every device, at once. */
export async function invalidateUserSessions(db: Db, userId: string) {
	await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/**
 * Behind HTTPS the session's cookie (and the pending sign-in's) is Secure with the __Host-
 * prefix (no Domain, Path=/), so no other site or subdomain can set or read it.
 */
export const hostCookieName = (url: URL, name: string) =>
	url.protocol === 'https:' ? `__Host-${name}` : name;

export const sessionCookieName = (url: URL) => hostCookieName(url, 'session');

export function setHostCookie(
	cookies: Cookies,
	url: URL,
	name: string,
	value: string,
	expires: Date
) {
	cookies.set(hostCookieName(url, name), value, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires
	});
}

export function deleteHostCookie(cookies: Cookies, url: URL, name: string) {
	cookies.delete(hostCookieName(url, name), { path: '/', secure: url.protocol === 'https:' });
}

export const setSessionCookie = (cookies: Cookies, url: URL, token: string, createdAt: Date) =>
	setHostCookie(cookies, url, 'session', token, addMs(createdAt, absoluteTimeout));

export const deleteSessionCookie = (cookies: Cookies, url: URL) =>
	deleteHostCookie(cookies, url, 'session');
