import { error, type RequestEvent } from '@sveltejs/kit';
import { hasRole } from '../auth/access';
import { apiRefusals, requireApiUser } from '../auth/api-user';

/** Why a request for workforce figures is refused, as the API says it. */
export const workforceApiRefusals = {
	...apiRefusals,
	notPsw: 'The workforce figures are for principal social workers.'
} as const;

/**
 * Who is asking for workforce figures through the API: the signed-in person, or the owner of a
 * personal API token sent as `Authorization: Bearer gt_…`. Only principal social workers (and
 * heads of service, who hold the same role) get the figures.
 */
export async function requireWorkforceApi(event: Pick<RequestEvent, 'locals' | 'request'>) {
	const user = await requireApiUser(event);
	if (!hasRole(user, 'psw')) error(403, workforceApiRefusals.notPsw);
	return user;
}
