import { error, redirect } from '@sveltejs/kit';
import { requireSupervisorOf } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { invalid } from '$lib/server/forms';
import { getPerson } from '$lib/server/people/users';
import { programmePage } from '$lib/server/programme';
import { AgreementError, createAgreement, signAgreement } from '$lib/server/programme/agreement';
import type { Actions, PageServerLoad } from './$types';

async function context(practitionerId: string) {
	const user = await requireSupervisorOf(practitionerId);
	const person = await getPerson(getDb(), practitionerId);
	if (!person) error(404, 'There is no such person.');
	return { user, person, page: await programmePage(getDb(), person.id) };
}

export const load: PageServerLoad = async ({ params }) => {
	const { person, page } = await context(params.practitionerId);
	return { person: { id: person.id, name: person.name }, page };
};

export const actions: Actions = {
	agreement: async ({ params, request }) => {
		const { user, page } = await context(params.practitionerId);
		if (!page) error(404, 'They are not enrolled on a programme.');
		const terms = String((await request.formData()).get('terms') ?? '');
		try {
			await createAgreement(getDb(), user.id, page.programme.enrolmentId, terms);
		} catch (e) {
			if (!(e instanceof AgreementError)) throw e;
			return invalid({ terms }, { terms: e.message });
		}
		redirect(303, `/supervision/${params.practitionerId}/programme#agreement`);
	},
	sign: async ({ params }) => {
		const { user, page } = await context(params.practitionerId);
		if (!page) error(404, 'They are not enrolled on a programme.');
		try {
			await signAgreement(
				getDb(),
				{ id: user.id, practitioner: false, supervisor: true },
				page.programme.enrolmentId,
				'supervisor'
			);
		} catch (e) {
			if (!(e instanceof AgreementError)) throw e;
			return invalid({}, { agreement: e.message });
		}
		redirect(303, `/supervision/${params.practitionerId}/programme#agreement`);
	}
};
