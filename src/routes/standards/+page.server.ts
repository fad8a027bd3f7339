import { standardSets } from '$lib/server/standards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	sets: standardSets().map(({ id, title, kind, authority, items }) => ({
		id,
		title,
		kind,
		authority,
		count: items.length
	}))
});
