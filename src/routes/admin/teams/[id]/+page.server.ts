import { error, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { invalid, orFail, parseForm, readFormData } from '$lib/server/forms';
import { getTeam, teamMembers, updateTeam } from '$lib/server/people/teams';
import { listPeopleWithRole } from '$lib/server/people/users';
import { teamFormSchema } from '$lib/server/people/team-form';
import type { Actions, PageServerLoad } from './$types';

async function findTeam(id: string) {
	const team = await getTeam(getDb(), id);
	if (!team) error(404, 'There is no such team.');
	return team;
}

export const load: PageServerLoad = async ({ params, url }) => {
	requireRole('admin');
	const db = getDb();
	return {
		team: await findTeam(params.id),
		members: await teamMembers(db, params.id),
		managers: await listPeopleWithRole(db, 'supervisor'),
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const admin = requireRole('admin');
		await findTeam(params.id);
		const parsed = parseForm(teamFormSchema, await readFormData(request));
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const refused = await orFail(parsed.data, () =>
			updateTeam(
				getDb(),
				admin.id,
				params.id,
				parsed.data.name,
				parsed.data.managerId || null,
				parsed.data.service || null
			)
		);
		if (refused) return refused;
		redirect(303, `/admin/teams/${params.id}?saved`);
	}
};
