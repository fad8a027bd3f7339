import { error } from '@sveltejs/kit';
import { getStandardSet } from '$lib/server/standards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const set = getStandardSet(params.set);
	if (!set) error(404, `There is no set of local standards called “${params.set}”.`);
	return { set };
};
