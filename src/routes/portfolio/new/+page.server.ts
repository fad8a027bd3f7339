import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { invalid } from '$lib/server/forms';
import { createEvidenceWithFiles, tooManyFiles } from '$lib/server/portfolio/attachments';
import { isModelChange, parseEvidenceForm } from '$lib/server/portfolio/evidence-form';
import { allowedFilesHint } from '$lib/server/portfolio/file-type';
import { readForm, readUploads, uploadLimits } from '$lib/server/portfolio/uploads';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	requireRole('practitioner');
	return { filesHint: allowedFilesHint, uploadLimits: uploadLimits() };
};

export const actions: Actions = {
	default: async ({ request }) => {
		const user = requireRole('practitioner');
		const form = await readForm(request);
		const { input, values, errors } = parseEvidenceForm(form);
		// Without JavaScript: the form again, everything kept, with the chosen model's prompts.
		if (isModelChange(form)) return { values };
		const uploads = await readUploads(form);
		if (uploads.error) errors.files = uploads.error;
		const db = getDb();
		const tooMany = await tooManyFiles(db, null, uploads.files.length);
		if (tooMany) errors.files = tooMany;
		if (Object.keys(errors).length) return invalid(values, errors);
		const id = await createEvidenceWithFiles(db, user.id, input, uploads.files);
		redirect(303, `/portfolio/${id}?saved=created`);
	}
};
