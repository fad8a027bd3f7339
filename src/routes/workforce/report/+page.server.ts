import { dateOnly } from '$lib/server/db/time';
import { reportQuarters } from '$lib/server/workforce';
import { loadWorkforceView } from '$lib/server/workforce/page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => ({
	...(await loadWorkforceView('report', url)),
	quarters: reportQuarters(dateOnly())
});
