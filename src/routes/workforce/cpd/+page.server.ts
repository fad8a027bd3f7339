import { cpdRule } from '$lib/server/workforce';
import { loadWorkforceView } from '$lib/server/workforce/page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => ({
	...(await loadWorkforceView('cpd', url, (view) => {
		const people = view.tables.find((t) => t.id === 'people')!.rows;
		return { short: people.filter((r) => r.meets !== 'Yes').length, total: people.length };
	})),
	rule: cpdRule()
});
