import { error } from '@sveltejs/kit';
import { hasRole, requireUser } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { pathwayImpact, summariseImpact } from '$lib/server/learning/impact';
import { teamChoices } from '$lib/server/people/teams';
import type { PageServerLoad } from './$types';

/**
 * What the audits after completed learning pathways show, for a team: principal social workers
 * see any team or the whole service; a team manager sees their own team.
 */
export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const db = getDb();
	const choices = await teamChoices(db, hasRole(user, 'psw') ? undefined : user.id);
	if (!choices.length) error(403, 'This page is for principal social workers and team managers.');
	const asked = url.searchParams.get('team');
	const team =
		choices.find((t) => t.id === asked) ?? (hasRole(user, 'psw') ? undefined : choices[0]);
	const rows = await pathwayImpact(db, { teamId: team?.id });
	return {
		teams: choices,
		team: team ?? null,
		wholeService: hasRole(user, 'psw'),
		rows,
		summary: summariseImpact(rows)
	};
};
