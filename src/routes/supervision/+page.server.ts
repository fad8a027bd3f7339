import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { getFramework } from '$lib/server/framework';
import { reviewQueue } from '$lib/server/review/review';
import { kindsHeldBy } from '$lib/server/people/relationships';
import { superviseeSummaries } from '$lib/server/review/supervisees';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('supervisor', 'external-assessor');
	const db = getDb();
	const kinds = kindsHeldBy(user.roles);
	return {
		// An external assessor only assesses; a supervisor may hold any relationship.
		assessesOnly: kinds.every((kind) => kind === 'assessor'),
		supervisees: await superviseeSummaries(db, user.id, kinds, getFramework()!.version.id),
		queue: await reviewQueue(db, user.id),
		saved: url.searchParams.get('saved')
	};
};
