import { error, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import { holderOfApiToken } from './api-tokens';
import type { SessionUser } from './session';

/** Why the API refuses a request for who is asking, as it says it. */
export const apiRefusals = {
	noCredentials: 'Sign in, or send a personal API token.',
	badToken: 'This API token is not valid or has been revoked.',
	scimToken:
		'This token is for provisioning people by SCIM, at /scim/v2: make an API token for the API.'
} as const;

/** The bearer token a request carries (`Authorization: Bearer gt_…`), if any. */
export function bearerToken(request: Request) {
	return /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
}

/**
 * Who is calling the JSON API: the owner of the personal API token the request carries, or
 * else the signed-in person; 401 for neither. A request with a token is that token's only: a
 * bad one is refused, never answered as the browser's session. A SCIM token is refused (403):
 * each token works for what it was made for only.
 */
export async function requireApiUser(
	event: Pick<RequestEvent, 'locals' | 'request'>
): Promise<SessionUser> {
	const bearer = bearerToken(event.request);
	if (!bearer) {
		if (!event.locals.user) error(401, apiRefusals.noCredentials);
		return event.locals.user;
	}
	const holder = await holderOfApiToken(getDb(), bearer);
	if (!holder) error(401, apiRefusals.badToken);
	if (holder.scope !== 'api') error(403, apiRefusals.scimToken);
	return holder.user;
}
