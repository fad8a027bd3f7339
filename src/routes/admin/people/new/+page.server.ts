import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { sendInvitation } from '$lib/server/auth/invitations';
import { getDb } from '$lib/server/db';
import { invalid, orFail, parseForm, readFormData } from '$lib/server/forms';
import { personFormLists, personFormSchema } from '$lib/server/people/person-form';
import { listTeams } from '$lib/server/people/teams';
import { createPerson } from '$lib/server/people/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	requireRole('admin');
	return { teams: await listTeams(getDb()) };
};

export const actions: Actions = {
	default: async ({ request, url }) => {
		const admin = requireRole('admin');
		const parsed = parseForm(personFormSchema, await readFormData(request), personFormLists);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const db = getDb();
		let id = '';
		const refused = await orFail({ ...parsed.data }, async () => {
			id = await createPerson(db, admin.id, parsed.data);
		});
		if (refused) return refused;
		await sendInvitation(db, { id, email: parsed.data.email, name: parsed.data.name }, url.origin);
		redirect(303, `/admin/people/${id}?invited`);
	}
};
