import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db';
import { addMs, minutes, timestamp } from '../db/time';
import {
	deleteHostCookie,
	generateSessionToken,
	hostCookieName,
	sessionIdFor,
	setHostCookie
} from './session';

// Between a right password and the second factor's code: a sign-in waiting a few minutes,
// server-side, named by a random token in a cookie of its own. It is not a session: no page
// takes it for one, and only the code's page reads it.

export const pendingLifetime = minutes(10);
const cookie = 'pending-sign-in';

export async function createPendingSignIn(db: Db, userId: string, now = new Date()) {
	const token = generateSessionToken();
	await db
		.insertInto('pending_sign_ins')
		.values({
			id: sessionIdFor(token),
			user_id: userId,
			created_at: timestamp(now),
			expires_at: timestamp(addMs(now, pendingLifetime))
		})
		.execute();
	return token;
}

/**
 * After a right password (or a new one set by a link) for someone with a second factor: a
 * pending sign-in in this browser, and the page that asks for its code, going on to `back`.
 */
export async function startPendingSignIn(
	db: Db,
	cookies: Cookies,
	url: URL,
	userId: string,
	back: string
) {
	const now = new Date();
	const token = await createPendingSignIn(db, userId, now);
	setHostCookie(cookies, url, cookie, token, addMs(now, pendingLifetime));
	return `/sign-in/two-factor${back === '/' ? '' : `?redirectTo=${encodeURIComponent(back)}`}`;
}

/** The person a pending sign-in is for, while it is unexpired and they are active. */
export function findPendingSignIn(db: Db, token: string, now = new Date()) {
	return db
		.selectFrom('pending_sign_ins')
		.innerJoin('users', 'users.id', 'pending_sign_ins.user_id')
		.select(['pending_sign_ins.id', 'users.id as userId', 'users.email'])
		.where('pending_sign_ins.id', '=', sessionIdFor(token))
		.where('pending_sign_ins.expires_at', '>', timestamp(now))
		.where('users.active', '=', 1)
		.executeTakeFirst();
}

/**
 * Ends a pending sign-in once its code is right: false when another request ended it first,
 * so one code cannot make two sessions. Expired ones go too, so the table stays small.
 */
export async function endPendingSignIn(db: Db, id: string, now = new Date()) {
	const ended = await db.deleteFrom('pending_sign_ins').where('id', '=', id).executeTakeFirst();
	await db.deleteFrom('pending_sign_ins').where('expires_at', '<=', timestamp(now)).execute();
	return ended.numDeletedRows > 0n;
}

export const pendingSignInToken = (cookies: Cookies, url: URL) =>
	cookies.get(hostCookieName(url, cookie));

export const deletePendingSignInCookie = (cookies: Cookies, url: URL) =>
	deleteHostCookie(cookies, url, cookie);
