import { redirect } from '@sveltejs/kit';
import { selfRatings } from '$lib/portfolio/vocabulary';
import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { getFramework, outcomesOf } from '$lib/server/framework';
import { formValues, invalid, isKeyOf, readFormData } from '$lib/server/forms';
import {
	latestRatings,
	listSelfAssessments,
	ratingFormValues,
	recordSelfAssessment
} from '$lib/server/portfolio/self-assessment';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('practitioner');
	const framework = getFramework()!;
	const latest = await latestRatings(getDb(), user.id, framework.version.id);
	return {
		frameworkName: framework.version.shortTitle,
		// The new one starts from the latest rating of each outcome, with when it was given.
		prefill: ratingFormValues(latest),
		ratedOn: Object.fromEntries([...latest].map(([id, r]) => [id, r.at])),
		domains: framework.domains.map((d) => ({
			id: d.id,
			title: d.title,
			outcomes: d.outcomes.map(({ id, title }) => ({ id, title }))
		})),
		history: await listSelfAssessments(getDb(), user.id),
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async ({ request }) => {
		const user = requireRole('practitioner');
		const framework = getFramework()!;
		const form = await readFormData(request);
		const values = formValues(form) as Record<string, string>;
		const errors: Record<string, string> = {};
		const ratings = [];
		for (const outcome of outcomesOf(framework)) {
			const rating = values[`rating-${outcome.id}`] ?? '';
			const note = (values[`note-${outcome.id}`] ?? '').trim();
			if (!rating) {
				if (note)
					errors[`rating-${outcome.id}`] =
						`Choose a rating for outcome ${outcome.id}, or clear its note`;
				continue;
			}
			if (!isKeyOf(selfRatings, rating))
				errors[`rating-${outcome.id}`] = `Choose a rating for outcome ${outcome.id} from the list`;
			else if (note.length > 2000)
				errors[`note-${outcome.id}`] =
					`The note for outcome ${outcome.id} must be 2,000 characters or fewer`;
			else ratings.push({ outcomeId: outcome.id, rating, note });
		}
		if (Object.keys(errors).length) return invalid(values, errors);
		if (ratings.length === 0)
			return invalid(values, { 'rating-1.1': 'Rate yourself on at least one outcome' });
		await recordSelfAssessment(getDb(), user.id, framework.version.id, ratings);
		redirect(303, '/portfolio/self-assessment?saved');
	}
};
