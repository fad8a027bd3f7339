import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { dateOnly } from '$lib/server/db/time';
import { openActionsOf } from '$lib/server/review/supervision-actions';
import { supervisionScheduleOf } from '$lib/server/review/supervision-schedule';
import { listSupervisionRecords } from '$lib/server/review/supervision-records';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('practitioner');
	const db = getDb();
	const today = dateOnly();
	return {
		today,
		schedule: await supervisionScheduleOf(db, user.id, today),
		openActions: await openActionsOf(db, user.id),
		records: await listSupervisionRecords(db, user.id)
	};
};
