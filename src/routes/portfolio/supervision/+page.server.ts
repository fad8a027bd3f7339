import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { listSupervisionRecords } from '$lib/server/review/supervision-records';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('practitioner');
	return { records: await listSupervisionRecords(getDb(), user.id) };
};
