import { error, redirect } from '@sveltejs/kit';
import { withNotice } from '$lib/notice';
import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { orFail, readFormData, textOf } from '$lib/server/forms';
import { applyImport, importReview, invitesByEmail } from '$lib/server/people/import/imports';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const admin = requireRole('admin');
	const review = await importReview(getDb(), admin.id, params.id);
	if (!review)
		error(
			404,
			'There is no such file: a file not applied within a day is deleted. Upload it again.'
		);
	return { review, invites: invitesByEmail() };
};

export const actions: Actions = {
	apply: async ({ params, request, url }) => {
		const admin = requireRole('admin');
		const digest = textOf(await readFormData(request), 'digest');
		const refused = await orFail({}, () =>
			applyImport(getDb(), admin.id, params.id, digest, url.origin)
		);
		if (refused) return refused;
		redirect(303, withNotice(`/admin/import/${params.id}`, 'applied'));
	}
};
