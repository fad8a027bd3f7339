import { cpdRule } from '$lib/server/workforce';
import { loadWorkforceView } from '$lib/server/workforce/page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => ({
	...(await loadWorkforceView('cpd', url)),
	rule: cpdRule()
});
