import { error, json } from '@sveltejs/kit';
import { hasRole } from '$lib/server/auth/access';
import { requireApiUser } from '$lib/server/auth/api-user';
import { getDb } from '$lib/server/db';
import { enrolmentApiRefusals, programmeByEmail } from '$lib/server/programme/enrolment-api';
import type { RequestHandler } from './$types';

/**
 * Someone's programme, by their email: the active enrolment (or else the latest one) in the
 * shape `POST /api/v1/enrolments` answers with; 404 when they have none.
 */
export const GET: RequestHandler = async (event) => {
	const user = await requireApiUser(event);
	if (!hasRole(user, 'admin', 'psw')) error(403, enrolmentApiRefusals.notAllowed);
	const enrolment = await programmeByEmail(getDb(), event.params.email);
	if (!enrolment) error(404, enrolmentApiRefusals.notEnrolled);
	return json(enrolment, { headers: { 'cache-control': 'private, no-store' } });
};
