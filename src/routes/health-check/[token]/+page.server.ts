import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { dateOnly } from '$lib/server/db/time';
import { formValues, parseForm, readFormData } from '$lib/server/forms';
import {
	answerOf,
	answerSchema,
	commentFindings,
	healthCheckForLink,
	saveHealthCheckAnswer
} from '$lib/server/health-check/answers';
import { isOpen, surveyTitle } from '$lib/server/health-check/surveys';
import { openGuestLinkPage } from '$lib/server/links/page';
import { withNotice } from '$lib/notice';
import type { Actions, PageServerLoad } from './$types';

// The staff health check, answered by someone's own link: nobody is signed in, and nothing on
// the page or in the answer says who they are.

async function openSurvey() {
	const link = await openGuestLinkPage('health-check');
	const survey = await healthCheckForLink(getDb(), link.subjectId);
	if (!survey)
		error(404, 'This link is not recognised. Check you copied the whole link from the email.');
	if (!isOpen(survey, dateOnly()))
		error(410, {
			title: 'This health check has closed',
			message: 'Answers are no longer taken. Thank you for your time.'
		});
	return { link, survey };
}

export const load: PageServerLoad = async () => {
	const { survey } = await openSurvey();
	const { introduction, questions } = survey.questionSet;
	return { title: surveyTitle(survey), introduction, questions, closesOn: survey.closes_on };
};

export const actions: Actions = {
	default: async ({ request }) => {
		const { link, survey } = await openSurvey();
		const { questions } = survey.questionSet;
		const form = await readFormData(request);
		const parsed = parseForm(answerSchema(questions), form);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const answer = answerOf(questions, parsed.data as Record<string, string>);
		const findings = commentFindings(questions, answer.comment);
		if (findings.length && form.get('anonymity') !== 'yes')
			return fail(400, {
				values: formValues(form),
				findings,
				errors: {
					anonymity:
						'Check the highlighted words: take out names and other details that say who someone is, or tick the box to say they identify no one'
				}
			});
		// Used in another tab, or closed, since the page opened: say which.
		if (!(await saveHealthCheckAnswer(getDb(), link, answer))) await openSurvey();
		redirect(303, withNotice('/health-check/thank-you', 'answered'));
	}
};
