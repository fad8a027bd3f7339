import { error, redirect } from '@sveltejs/kit';
import { withNotice } from '$lib/notice';
import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { invalid, orFail, readFormData } from '$lib/server/forms';
import { savePlan } from '$lib/server/programme/plans';
import { planPage } from '$lib/server/programme/record-pages';
import { readPlanForm } from '$lib/server/programme/record-forms';
import type { Actions, PageServerLoad } from './$types';

async function context(planId: string) {
	const user = requireRole('practitioner');
	const page = await planPage(getDb(), user.id, planId);
	if (!page) error(404, 'Your programme has no such development plan.');
	return { user, page };
}

export const load: PageServerLoad = async ({ params }) => ({
	page: (await context(params.planId)).page
});

export const actions: Actions = {
	default: async ({ params, request }) => {
		const { user, page } = await context(params.planId);
		const form = readPlanForm(await readFormData(request));
		if (!form.ok) return invalid(form.values, form.errors);
		const refused = await orFail(form.data, () =>
			savePlan(getDb(), user.id, page.enrolmentId, page.plan.id, form.version, form.data)
		);
		if (refused) return refused;
		redirect(303, withNotice('/portfolio/programme#record', 'plan'));
	}
};
