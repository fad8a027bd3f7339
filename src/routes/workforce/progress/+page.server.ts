import { loadWorkforceView } from '$lib/server/workforce/page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) =>
	loadWorkforceView('progress', url, (view) => ({
		behind: view.tables[0].rows.filter((r) => r.behind === 'Behind').length,
		total: view.tables[0].rows.length
	}));
