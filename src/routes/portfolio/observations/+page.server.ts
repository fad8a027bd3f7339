import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { formValues, orFail, readFormData, textOf } from '$lib/server/forms';
import { withNotice } from '$lib/notice';
import { invitationsOf } from '$lib/server/observation/invitation-lists';
import { withdrawInvitation } from '$lib/server/observation/invitations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('practitioner');
	return { invitations: await invitationsOf(getDb(), user.id) };
};

export const actions: Actions = {
	withdraw: async ({ request }) => {
		const user = requireRole('practitioner');
		const form = await readFormData(request);
		const refused = await orFail(formValues(form), () =>
			withdrawInvitation(getDb(), user.id, textOf(form, 'invitation'))
		);
		if (refused) return refused;
		redirect(303, withNotice('/portfolio/observations', 'withdrawn'));
	}
};
