import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { orFail, readFormData } from '$lib/server/forms';
import { withNotice } from '$lib/notice';
import { requireInvitationByLink } from '$lib/server/observation/invitation-page';
import { recordObservationByLink } from '$lib/server/observation/invitations';
import {
	observationFindings,
	observationFormChoices,
	readObservationForm,
	startingValues
} from '$lib/server/observation/observation-form';
import type { Actions, PageServerLoad } from './$types';

// An observer from outside, with the link emailed to them and no account: the observation form,
// their texts checked for details that identify a child or family, and the link used up when
// the observation is saved.

export const load: PageServerLoad = async () => {
	const { invitation } = await requireInvitationByLink();
	return {
		invitation: {
			practitionerName: invitation.practitionerName,
			observerName: invitation.observerName,
			plannedOn: invitation.planned_on,
			setting: invitation.setting
		},
		starting: startingValues(invitation),
		...observationFormChoices()
	};
};

export const actions: Actions = {
	default: async ({ request }) => {
		const { link, invitation } = await requireInvitationByLink();
		const form = await readFormData(request);
		const { values, errors, input } = readObservationForm(form);
		if (!input) return fail(400, { values, errors, findings: [] });
		const names = [invitation.practitionerName, invitation.observerName];
		const findings = observationFindings(input, names);
		if (findings.length && form.get('anonymity') !== 'yes') {
			const anonymity = `Check ${findings.length === 1 ? 'the detail' : `the ${findings.length} details`} below: change them, or confirm that none identifies a child or family`;
			return fail(400, { values, errors: { anonymity }, findings });
		}
		let evidenceId: string | null = null;
		const refused = await orFail(values, async () => {
			evidenceId = await recordObservationByLink(getDb(), link, input, findings.length > 0);
		});
		if (refused) return refused;
		// Used meanwhile (another tab, a double click): the kind page for a used link.
		if (!evidenceId) await requireInvitationByLink();
		if (!evidenceId) error(410, 'This link has already been used.');
		redirect(303, withNotice('/observe/sent', 'observed'));
	}
};
