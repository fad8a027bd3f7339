import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { programmeFor } from '$lib/server/programme';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('practitioner');
	return { programme: (await programmeFor(getDb(), user.id)) ?? null };
};
