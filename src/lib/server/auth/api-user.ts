import { error, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import { userForApiToken } from './api-tokens';
import type { SessionUser } from './session';

/** Why the API refuses a request for who is asking, as it says it. */
export const apiRefusals = {
	noCredentials: 'Sign in, or send a personal API token.',
	badToken: 'This API token is not valid or has been revoked.'
} as const;

/** The bearer token a request carries (`Authorization: Bearer gt_…`), if any. */
export function bearerToken(request: Request) {
	return /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
}

/**
 * Who is calling the JSON API: the owner of the personal API token the request carries, or
 * else the signed-in person; 401 for neither. A request with a token is that token's only: a
 * bad one is refused, never answered as the browser's session.
 */
export async function requireApiUser(
	event: Pick<RequestEvent, 'locals' | 'request'>
): Promise<SessionUser> {
	const bearer = bearerToken(event.request);
	const user = bearer ? await userForApiToken(getDb(), bearer) : event.locals.user;
	if (!user) error(401, bearer ? apiRefusals.badToken : apiRefusals.noCredentials);
	return user;
}
