import { error, redirect } from '@sveltejs/kit';
import { withNotice } from '$lib/notice';
import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { invalid, orFail, readFormData } from '$lib/server/forms';
import { saveReflection } from '$lib/server/programme/reflections';
import { reflectionPage } from '$lib/server/programme/record-pages';
import { readReflectionForm } from '$lib/server/programme/record-forms';
import type { Actions, PageServerLoad } from './$types';

async function context(reviewId: string) {
	const user = requireRole('practitioner');
	const page = await reflectionPage(getDb(), user.id, reviewId);
	if (!page) error(404, 'Your programme has no such review.');
	return { user, page };
}

export const load: PageServerLoad = async ({ params }) => ({
	page: (await context(params.reviewId)).page
});

export const actions: Actions = {
	default: async ({ params, request }) => {
		const { user, page } = await context(params.reviewId);
		const form = readReflectionForm(await readFormData(request));
		if (!form.ok) return invalid(form.values, form.errors);
		const refused = await orFail(form.data, () =>
			saveReflection(
				getDb(),
				user.id,
				page.enrolmentId,
				page.review.id,
				form.version,
				form.data.reflection
			)
		);
		if (refused) return refused;
		redirect(303, withNotice('/portfolio/programme#record', 'reflection'));
	}
};
