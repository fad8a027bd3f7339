import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { learningOf } from '$lib/server/learning';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('practitioner');
	return { learning: await learningOf(getDb(), user.id), saved: url.searchParams.get('saved') };
};
