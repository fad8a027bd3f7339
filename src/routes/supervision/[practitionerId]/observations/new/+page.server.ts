import { redirect } from '@sveltejs/kit';
import { requirePractitionerOf } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { invalid, readFormData } from '$lib/server/forms';
import { recordObservation } from '$lib/server/observation/observations';
import {
	observationFormChoices,
	readObservationForm
} from '$lib/server/observation/observation-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { person } = await requirePractitionerOf(params.practitionerId, ['assessor']);
	return { person: { id: person.id, name: person.name }, ...observationFormChoices() };
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const { user, person } = await requirePractitionerOf(params.practitionerId, ['assessor']);
		const { values, errors, input } = readObservationForm(await readFormData(request));
		if (!input) return invalid(values, errors);
		const evidenceId = await recordObservation(getDb(), user.id, person.id, input);
		redirect(303, `/portfolio/${evidenceId}?saved=observed`);
	}
};
