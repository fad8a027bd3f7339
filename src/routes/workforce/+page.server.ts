import { getFramework } from '$lib/server/framework';
import { outcomeColumns } from '$lib/server/workforce/coverage';
import { loadWorkforceView } from '$lib/server/workforce/page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => ({
	...(await loadWorkforceView('coverage', url)),
	outcomes: outcomeColumns(getFramework()!)
});
