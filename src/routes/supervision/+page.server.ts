import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { getFramework } from '$lib/server/framework';
import { reviewQueue } from '$lib/server/review/review';
import { superviseeSummaries } from '$lib/server/review/supervisees';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('supervisor');
	const db = getDb();
	return {
		supervisees: await superviseeSummaries(db, user.id, getFramework()!.version.id),
		queue: await reviewQueue(db, user.id),
		saved: url.searchParams.get('saved')
	};
};
