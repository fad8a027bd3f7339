import { redirect } from '@sveltejs/kit';
import { requirePortfolioOwner } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { invalid } from '$lib/server/forms';
import { createEvidenceWithFiles } from '$lib/server/portfolio/attachments';
import { readEvidencePost } from '$lib/server/portfolio/evidence-post';
import { allowedFilesHint } from '$lib/server/portfolio/file-type';
import { uploadLimits } from '$lib/server/portfolio/uploads';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	await requirePortfolioOwner();
	return { filesHint: allowedFilesHint, uploadLimits: uploadLimits() };
};

export const actions: Actions = {
	default: async ({ request }) => {
		const user = await requirePortfolioOwner();
		const db = getDb();
		const { input, values, errors, files, modelChange, replaced } = await readEvidencePost(
			db,
			request,
			null,
			user.name
		);
		// Without JavaScript: the form again, everything kept, with the chosen model's prompts.
		if (modelChange) return { values };
		// Details replaced with placeholders, shown for the person to check and save.
		if (replaced) return replaced;
		if (Object.keys(errors).length) return invalid(values, errors);
		const id = await createEvidenceWithFiles(db, user.id, input, files);
		redirect(303, `/portfolio/${id}?saved=created`);
	}
};
