import { loadWorkforceTable } from '$lib/server/workforce/page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) =>
	loadWorkforceTable(params.view, params.table, url);
