import { redirect } from '@sveltejs/kit';
import { requirePortfolioOwner } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { listFeedbackRequests } from '$lib/server/feedback/list';
import { sendFeedbackRequestAgain, withdrawFeedbackRequest } from '$lib/server/feedback/requests';
import { orFail, readFormData, textOf } from '$lib/server/forms';
import { withNotice } from '$lib/notice';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = await requirePortfolioOwner();
	return { requests: await listFeedbackRequests(getDb(), user.id) };
};

export const actions: Actions = {
	sendAgain: async ({ request }) => {
		const user = await requirePortfolioOwner();
		const id = textOf(await readFormData(request), 'request');
		const refused = await orFail({}, () => sendFeedbackRequestAgain(getDb(), user, id));
		if (refused) return refused;
		redirect(303, withNotice('/portfolio/feedback', 'sent-again'));
	},
	withdraw: async ({ request }) => {
		const user = await requirePortfolioOwner();
		const id = textOf(await readFormData(request), 'request');
		const refused = await orFail({}, () => withdrawFeedbackRequest(getDb(), user.id, id));
		if (refused) return refused;
		redirect(303, withNotice('/portfolio/feedback', 'withdrawn'));
	}
};
