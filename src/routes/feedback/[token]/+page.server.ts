import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { answerFields, parseFeedbackAnswer, plainFindings } from '$lib/server/feedback/answers';
import { feedbackRequestFor, saveFeedbackAnswer } from '$lib/server/feedback/save-answer';
import { invalid, readFormData, type FieldErrors } from '$lib/server/forms';
import { openGuestLinkPage } from '$lib/server/links/page';
import { checkAnonymity } from '$lib/server/portfolio/anonymity';
import type { Actions, PageServerLoad } from './$types';

// The form someone answers through the link in their email, signed out: no account, used once.
// The link is checked again when the answer is posted, and used up as the answer is saved.

async function openRequest() {
	const link = await openGuestLinkPage('feedback');
	const request = await feedbackRequestFor(getDb(), link.subjectId);
	if (!request)
		error(404, 'This link is not recognised. Check you copied the whole link from the email.');
	return { link, request };
}

export const load: PageServerLoad = async ({ setHeaders }) => {
	// A page reached by a secret link: no copy kept along the way.
	setHeaders({ 'cache-control': 'no-store' });
	const { link, request } = await openRequest();
	return {
		relationship: request.relationship,
		practitionerName: request.practitionerName,
		expiresAt: link.expiresAt.toISOString()
	};
};

export const actions: Actions = {
	default: async ({ request: post }) => {
		const { link, request } = await openRequest();
		const form = await readFormData(post);
		const { answer, values, errors } = parseFeedbackAnswer(form, request.relationship);
		if (Object.keys(errors).length) return invalid(values, errors);
		const findings = checkAnonymity(answerFields(request.relationship, answer), {
			allowedNames: [request.practitionerName]
		});
		if (findings.length && form.get('anonymity') !== 'yes')
			return fail(400, {
				values,
				findings: plainFindings(findings),
				errors: {
					anonymity:
						'Take out the names or addresses we found, or tick the box to say there are none'
				} as FieldErrors
			});
		const saved = await saveFeedbackAnswer(getDb(), link, answer, {
			anonymityConfirmed: findings.length > 0
		});
		// Used or expired since the form was opened (another tab): the page says which.
		if (!saved) {
			await openGuestLinkPage('feedback');
			error(410, 'This link can no longer be used. Ask the person who sent it for a new one.');
		}
		redirect(303, '/feedback/thank-you');
	}
};
