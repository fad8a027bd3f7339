import { redirect } from '@sveltejs/kit';
import { canSeePractitioner } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { formValues, invalid, orFail, readFormData } from '$lib/server/forms';
import { withNotice } from '$lib/notice';
import { requireInvitationToObserve } from '$lib/server/observation/invitation-page';
import { declineInvitation, recordInvitedObservation } from '$lib/server/observation/invitations';
import {
	observationFormChoices,
	readObservationForm,
	startingValues
} from '$lib/server/observation/observation-form';
import type { Actions, PageServerLoad } from './$types';

// An invitation to observe, for the assessor or colleague invited: recorded on the observation
// form, or declined. It shows the practitioner's name and nothing else of theirs.

export const load: PageServerLoad = async ({ params }) => {
	const { invitation } = await requireInvitationToObserve(params.id);
	return {
		invitation: {
			practitionerName: invitation.practitionerName,
			plannedOn: invitation.planned_on,
			setting: invitation.setting
		},
		starting: startingValues(invitation),
		...observationFormChoices()
	};
};

export const actions: Actions = {
	record: async ({ params, request }) => {
		const { user, invitation } = await requireInvitationToObserve(params.id);
		const { values, errors, input } = readObservationForm(await readFormData(request));
		if (!input) return invalid(values, errors);
		const db = getDb();
		let evidenceId = '';
		const refused = await orFail(values, async () => {
			evidenceId = await recordInvitedObservation(db, user.id, invitation.id, input);
		});
		if (refused) return refused;
		// Their assessor goes to the record; a colleague sees no more of the portfolio than this.
		if (await canSeePractitioner(db, user, invitation.practitioner_id))
			redirect(303, withNotice(`/portfolio/${evidenceId}`, 'observed'));
		redirect(303, withNotice('/', 'observed'));
	},
	decline: async ({ params, request }) => {
		const { user, invitation } = await requireInvitationToObserve(params.id);
		const values = formValues(await readFormData(request));
		const refused = await orFail(values, () => declineInvitation(getDb(), user.id, invitation.id));
		if (refused) return refused;
		redirect(303, withNotice('/', 'declined'));
	}
};
