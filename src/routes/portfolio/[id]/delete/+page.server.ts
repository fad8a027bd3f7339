import { error, redirect } from '@sveltejs/kit';
import { requirePortfolioOwner } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { orFail } from '$lib/server/forms';
import { deleteDraft } from '$lib/server/portfolio/delete-draft';
import { getEvidence } from '$lib/server/portfolio/evidence';
import type { Actions, PageServerLoad } from './$types';

/** The author's own draft; anyone else gets 403, and a submitted record goes back to its page. */
async function ownDraft(id: string) {
	const user = await requirePortfolioOwner();
	const record = await getEvidence(getDb(), id);
	if (!record) error(404, 'There is no such record.');
	if (record.owner_id !== user.id)
		error(403, 'Only the person whose portfolio this is can delete it.');
	if (record.status !== 'draft') redirect(303, `/portfolio/${id}`);
	return { user, record };
}

export const load: PageServerLoad = async ({ params }) => {
	const { record } = await ownDraft(params.id);
	return {
		record: { id: record.id, title: record.title, files: record.attachments.length }
	};
};

export const actions: Actions = {
	default: async ({ params }) => {
		const { user } = await ownDraft(params.id);
		const refused = await orFail({}, () => deleteDraft(getDb(), user.id, params.id));
		if (refused) return refused;
		redirect(303, '/portfolio?saved=deleted');
	}
};
