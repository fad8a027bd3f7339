import { getFramework, outcomesOf } from '$lib/server/framework';
import { pathways } from '$lib/server/pathways';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const titles = new Map(outcomesOf(getFramework()!).map((o) => [o.id, o.title]));
	return {
		pathways: pathways().map((p) => ({
			id: p.id,
			title: p.title,
			priorityArea: p.priorityArea,
			priorityAreaTitle: p.priorityAreaTitle,
			hours: p.hours,
			steps: p.steps.length,
			outcomes: p.outcomes.map((id) => ({ id, title: titles.get(id) ?? '' }))
		}))
	};
};
