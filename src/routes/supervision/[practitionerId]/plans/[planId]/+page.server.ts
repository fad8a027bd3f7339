import { error, redirect } from '@sveltejs/kit';
import { withNotice } from '$lib/notice';
import { requirePractitionerOf } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import type { RelationshipKind } from '$lib/server/db/schema';
import { integerOf, invalid, orFail, readFormData } from '$lib/server/forms';
import { agreePlan, savePlan } from '$lib/server/programme/plans';
import { planPage } from '$lib/server/programme/record-pages';
import { readPlanForm } from '$lib/server/programme/record-forms';
import type { Actions, PageServerLoad } from './$types';

/**
 * Anyone with a relationship to the practitioner reads their plan; their assessor writes it
 * with them and agrees it (the plan is part of the assessment, which is the assessor's).
 */
async function context(practitionerId: string, planId: string, kinds?: RelationshipKind[]) {
	const { user, person, held } = await requirePractitionerOf(practitionerId, kinds);
	const page = await planPage(getDb(), person.id, planId);
	if (!page) error(404, 'Their programme has no such development plan.');
	return { user, person, held, page };
}

export const load: PageServerLoad = async ({ params }) => {
	const { person, held, page } = await context(params.practitionerId, params.planId);
	return {
		person: { id: person.id, name: person.name },
		page,
		assesses: held.includes('assessor')
	};
};

const back = (practitionerId: string, planId: string, key: string) =>
	withNotice(`/supervision/${practitionerId}/plans/${planId}`, key);

export const actions: Actions = {
	save: async ({ params, request }) => {
		const { user, page } = await context(params.practitionerId, params.planId, ['assessor']);
		const form = readPlanForm(await readFormData(request));
		if (!form.ok) return invalid(form.values, form.errors);
		const refused = await orFail(form.data, () =>
			savePlan(getDb(), user.id, page.enrolmentId, page.plan.id, form.version, form.data)
		);
		if (refused) return refused;
		redirect(303, back(params.practitionerId, params.planId, 'saved'));
	},
	agree: async ({ params, request }) => {
		const { user, page } = await context(params.practitionerId, params.planId, ['assessor']);
		const version = integerOf(await readFormData(request), 'version') ?? 0;
		const refused = await orFail({}, () =>
			agreePlan(getDb(), user.id, page.enrolmentId, page.plan.id, version)
		);
		if (refused) return refused;
		redirect(303, back(params.practitionerId, params.planId, 'agreed'));
	}
};
