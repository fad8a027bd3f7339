import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { getFramework } from '$lib/server/framework';
import { packPage } from '$lib/server/programme/pack';
import type { PageServerLoad } from './$types';

/** The practitioner's own moderation panel pack, as the panel reads it: nothing to change here. */
export const load: PageServerLoad = async () => {
	const user = requireRole('practitioner');
	const page = await packPage(getDb(), user.id, getFramework()!);
	if (!page) error(404, 'There is no such person.');
	return { page };
};
