import { error } from '@sveltejs/kit';
import { hasRole } from '$lib/server/auth/access';
import { getFramework, outcomesOf } from '$lib/server/framework';
import { getPathway } from '$lib/server/pathways';
import { standardSets } from '$lib/server/standards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals, url }) => {
	const pathway = getPathway(params.id);
	if (!pathway) error(404, `There is no learning pathway called “${params.id}”.`);
	const titles = new Map(outcomesOf(getFramework()!).map((o) => [o.id, o.title]));
	const items = standardSets().flatMap((s) => s.items.map((i) => ({ ...i, set: s })));
	return {
		pathway,
		outcomes: pathway.outcomes.map((id) => ({ id, title: titles.get(id) ?? '' })),
		standards: pathway.standards.map((ref) => {
			const item = items.find((i) => i.ref === ref)!;
			return { ref, setId: item.set.id, number: item.number, title: item.title };
		}),
		canAssign: Boolean(locals.user && hasRole(locals.user, 'supervisor', 'psw')),
		assigned: url.searchParams.get('assigned') === '1'
	};
};
