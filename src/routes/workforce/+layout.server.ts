import { requireRole } from '$lib/server/auth/access';
import { programmeDefinitions } from '$lib/server/programme';
import type { LayoutServerLoad } from './$types';

// The teams a filter chooses from come with each view's page (`loadWorkforceView`): not every
// workforce page lists them, and a national authority has hundreds.
export const load: LayoutServerLoad = async () => {
	requireRole('psw');
	return {
		programmes: programmeDefinitions().map((p) => ({ id: p.id, title: p.title }))
	};
};
