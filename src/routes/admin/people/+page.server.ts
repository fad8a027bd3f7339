import { requireRole } from '$lib/server/auth/access';
import { firstSignInWords } from '$lib/server/auth/invitations';
import { getDb } from '$lib/server/db';
import { listPeople } from '$lib/server/people/users';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	requireRole('admin');
	return { people: await listPeople(getDb()), words: firstSignInWords() };
};
