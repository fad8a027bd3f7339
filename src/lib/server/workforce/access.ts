import { error, type RequestEvent } from '@sveltejs/kit';
import { userForApiToken } from '../auth/api-tokens';
import { hasRole } from '../auth/access';
import { getDb } from '../db';

/** Why a request for workforce figures is refused, as the API says it. */
export const workforceApiRefusals = {
	noCredentials: 'Sign in, or send a personal API token.',
	badToken: 'This API token is not valid or has been revoked.',
	notPsw: 'The workforce figures are for principal social workers.'
} as const;

/**
 * Who is asking for workforce figures through the API: the signed-in person, or the owner of a
 * personal API token sent as `Authorization: Bearer gt_…`. Only principal social workers (and
 * heads of service, who hold the same role) get the figures.
 */
export async function requireWorkforceApi(event: Pick<RequestEvent, 'locals' | 'request'>) {
	const header = event.request.headers.get('authorization') ?? '';
	const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
	const user = bearer ? await userForApiToken(getDb(), bearer) : event.locals.user;
	if (!user)
		error(401, bearer ? workforceApiRefusals.badToken : workforceApiRefusals.noCredentials);
	if (!hasRole(user, 'psw')) error(403, workforceApiRefusals.notPsw);
	return user;
}
