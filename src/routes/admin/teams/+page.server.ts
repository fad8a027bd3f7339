import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { invalid, orFail, parseForm, readFormData } from '$lib/server/forms';
import { teamFormSchema } from '$lib/server/people/team-form';
import { createTeam, listTeams } from '$lib/server/people/teams';
import { listPeopleWithRole } from '$lib/server/people/users';
import type { Actions, PageServerLoad } from './$types';
import { withNotice } from '$lib/notice';

export const load: PageServerLoad = async () => {
	requireRole('admin');
	const db = getDb();
	return { teams: await listTeams(db), managers: await listPeopleWithRole(db, 'supervisor') };
};

export const actions: Actions = {
	default: async ({ request }) => {
		const admin = requireRole('admin');
		const parsed = parseForm(teamFormSchema, await readFormData(request));
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const refused = await orFail(parsed.data, () =>
			createTeam(
				getDb(),
				admin.id,
				parsed.data.name,
				parsed.data.managerId || null,
				new Date(),
				parsed.data.service || null
			)
		);
		if (refused) return refused;
		redirect(303, withNotice('/admin/teams', 'created'));
	}
};
