import { getDb } from '$lib/server/db';
import { homeFor } from '$lib/server/home';
import type { PageServerLoad } from './$types';

// Signed out: the service's front page. Signed in: the person's home page.
export const load: PageServerLoad = async ({ locals }) => ({
	home: locals.user ? await homeFor(getDb(), locals.user) : null
});
