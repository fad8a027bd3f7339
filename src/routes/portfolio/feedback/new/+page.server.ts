import { redirect } from '@sveltejs/kit';
import { requirePortfolioOwner } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { requestToAskAgain } from '$lib/server/feedback/list';
import { parseFeedbackRequest } from '$lib/server/feedback/request-form';
import { createFeedbackRequest } from '$lib/server/feedback/requests';
import { invalid, orFail, readFormData } from '$lib/server/forms';
import { listEvidence } from '$lib/server/portfolio/list';
import { withNotice } from '$lib/notice';
import type { Actions, PageServerLoad } from './$types';

// Asking someone for feedback by link. Anyone who keeps a portfolio may: a practitioner, and
// anyone registered who keeps their CPD records here (feedback is a kind of CPD).

export const load: PageServerLoad = async ({ url }) => {
	const user = await requirePortfolioOwner();
	const db = getDb();
	const again = url.searchParams.get('again');
	return {
		records: (await listEvidence(db, user.id)).map(({ id, title, activity_date }) => ({
			id,
			title,
			activity_date
		})),
		// Asking again after a request expired or was withdrawn: who and what about, not where.
		values: (again && (await requestToAskAgain(db, user.id, again))) || {}
	};
};

export const actions: Actions = {
	default: async ({ request }) => {
		const user = await requirePortfolioOwner();
		const parsed = parseFeedbackRequest(await readFormData(request));
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const refused = await orFail(parsed.values, () =>
			createFeedbackRequest(getDb(), user, parsed.data)
		);
		if (refused) return refused;
		redirect(303, withNotice('/portfolio/feedback', 'sent'));
	}
};
