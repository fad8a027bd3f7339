import { error, json } from '@sveltejs/kit';
import { hasRole } from '$lib/server/auth/access';
import { requireApiUser } from '$lib/server/auth/api-user';
import { getDb } from '$lib/server/db';
import {
	enrolFromRequest,
	enrolmentApiRefusals,
	notAnObject
} from '$lib/server/programme/enrolment-api';
import type { RequestHandler } from './$types';

/**
 * Enrols someone on a programme: `{ person, programme, start, fte, assessor }` → 201 with the
 * enrolment and its review dates; 400 `{ errors: [{ field, message }] }`; 409 when already
 * enrolled. For administrators and principal social workers, by session or API token.
 */
export const POST: RequestHandler = async (event) => {
	const user = await requireApiUser(event);
	if (!hasRole(user, 'admin', 'psw')) error(403, enrolmentApiRefusals.notAllowed);
	let body: unknown;
	try {
		body = await event.request.json();
	} catch {
		return json({ errors: [notAnObject] }, { status: 400 });
	}
	const result = await enrolFromRequest(getDb(), user.id, body);
	if (!('enrolment' in result)) return json({ errors: result.errors }, { status: result.status });
	const { enrolment } = result;
	return json(enrolment, {
		status: 201,
		headers: {
			location: `/api/v1/people/${encodeURIComponent(enrolment.person ?? '')}/programme`
		}
	});
};
