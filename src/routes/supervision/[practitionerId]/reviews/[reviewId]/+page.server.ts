import { error, redirect } from '@sveltejs/kit';
import { interimRecommendations } from '$lib/programme/vocabulary';
import { requireRelationship } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { getFramework } from '$lib/server/framework';
import { formValues, invalid, orFail, readFormData } from '$lib/server/forms';
import { getPerson } from '$lib/server/people/users';
import { programmeFor } from '$lib/server/programme';
import { getProgrammeReview, recordProgrammeReview } from '$lib/server/programme/reviews';
import { assessmentRecord } from '$lib/server/programme/assessment-record';
import { getReflection } from '$lib/server/programme/reflections';
import type { Actions, PageServerLoad } from './$types';
import { withNotice } from '$lib/notice';

async function context(practitionerId: string, reviewId: string) {
	// Reviews and the final recommendation are the assessor's.
	const user = await requireRelationship(practitionerId, ['assessor']);
	const db = getDb();
	const person = await getPerson(db, practitionerId);
	const programme = person && (await programmeFor(db, person.id));
	const review = programme?.reviews.find((r) => r.id === reviewId);
	if (!person || !programme || !review) error(404, 'There is no such review point.');
	return { user, person, programme, review };
}

export const load: PageServerLoad = async ({ params }) => {
	const { person, programme, review } = await context(params.practitionerId, params.reviewId);
	const db = getDb();
	return {
		// What the practitioner wrote for this review, and what the panel will check is there.
		reflection: (await getReflection(db, programme.enrolmentId, review.id)) ?? null,
		checklist: (await assessmentRecord(db, person.id, programme)).checklist,
		person: { id: person.id, name: person.name },
		review,
		programmeTitle: programme.programme.title,
		recommendations: review.final ? programme.programme.recommendations : interimRecommendations,
		domains: getFramework()!.domains.map(({ id, title }) => ({ id, title })),
		recorded: (await getProgrammeReview(db, programme.enrolmentId, review.id)) ?? null
	};
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const { user, person, programme, review } = await context(
			params.practitionerId,
			params.reviewId
		);
		const form = await readFormData(request);
		const values = formValues(form) as Record<string, string>;
		const text = (key: string) => (values[key] ?? '').trim();
		const errors: Record<string, string> = {};
		if (!text('strengths')) errors.strengths = 'Write the practitioner’s strengths';
		if (!text('areasToDevelop')) errors.areasToDevelop = 'Write the areas to develop';
		const allowed: string[] = review.final
			? programme.programme.recommendations
			: interimRecommendations;
		if (!allowed.includes(text('recommendation')))
			errors.recommendation = 'Choose a recommendation';
		if (Object.keys(errors).length) return invalid(values, errors);
		const progress = Object.fromEntries(
			getFramework()!.domains.map((d) => [d.id, text(`progress-${d.id}`)])
		);
		const refused = await orFail(values, () =>
			recordProgrammeReview(getDb(), user.id, programme.enrolmentId, review.id, {
				progress,
				strengths: text('strengths'),
				areasToDevelop: text('areasToDevelop'),
				practitionerComments: text('practitionerComments'),
				recommendation: text('recommendation')
			})
		);
		if (refused) return refused;
		redirect(303, withNotice(`/supervision/${person.id}/programme`, 'review'));
	}
};
