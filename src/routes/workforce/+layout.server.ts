import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { programmeDefinitions } from '$lib/server/programme';
import { teamChoices } from '$lib/server/people/teams';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async () => {
	requireRole('psw');
	return {
		teams: await teamChoices(getDb()),
		programmes: programmeDefinitions().map((p) => ({ id: p.id, title: p.title }))
	};
};
