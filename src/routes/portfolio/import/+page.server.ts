import { redirect } from '@sveltejs/kit';
import { withNotice } from '$lib/notice';
import { inMegabytes } from '$lib/portfolio/upload-limits';
import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { importPortfolio } from '$lib/server/export/import';
import { listImports } from '$lib/server/export/imports';
import { invalid, orFail } from '$lib/server/forms';
import { uploadLimits } from '$lib/server/portfolio/uploads';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('practitioner');
	return { imports: await listImports(getDb(), user.id), uploadLimits: uploadLimits() };
};

/** The form, or why it could not be read: a ZIP larger than the server reads at once. */
async function readZipForm(request: Request) {
	try {
		return { form: await request.formData() };
	} catch (cause) {
		const tooLarge = (cause as { status?: number }).status === 413;
		return {
			problem: tooLarge
				? `The ZIP file is too large to upload: it can be up to ${inMegabytes(uploadLimits().requestBytes)}.`
				: 'The form could not be read. Choose the ZIP file again.'
		};
	}
}

export const actions: Actions = {
	default: async ({ request }) => {
		const user = requireRole('practitioner');
		const { form, problem } = await readZipForm(request);
		if (!form) return invalid({}, { file: problem });
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0)
			return invalid({}, { file: 'Choose the ZIP file of your portfolio' });
		const bytes = Buffer.from(await file.arrayBuffer());
		let importId = '';
		const refused = await orFail({}, async () => {
			importId = await importPortfolio(getDb(), user.id, { name: file.name, bytes });
		});
		if (refused) return refused;
		redirect(303, withNotice(`/portfolio/import/${importId}`, 'imported'));
	}
};
