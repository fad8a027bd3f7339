import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { invalid, orFail, readFormData } from '$lib/server/forms';
import { publicOrigin } from '$lib/server/http/origin.js';
import { withNotice } from '$lib/notice';
import { readInvitationForm } from '$lib/server/observation/invitation-form';
import { inviteObservation } from '$lib/server/observation/invitations';
import { observationSettings } from '$lib/server/observation/observations';
import { holderOf } from '$lib/server/people/relationships';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('practitioner');
	const assessor = await holderOf(getDb(), user.id, 'assessor');
	return { assessor: assessor ? { name: assessor.name } : null, settings: observationSettings };
};

export const actions: Actions = {
	default: async ({ request }) => {
		const user = requireRole('practitioner');
		const { values, errors, input } = readInvitationForm(await readFormData(request));
		if (!input) return invalid(values, errors);
		const refused = await orFail(values, () =>
			inviteObservation(getDb(), user.id, input, publicOrigin())
		);
		if (refused) return refused;
		const notice = input.observer === 'external' ? 'emailed' : 'invited';
		redirect(303, withNotice('/portfolio/observations', notice));
	}
};
