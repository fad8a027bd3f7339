import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { formValues, parseForm, readFormData } from '$lib/server/forms';
import {
	childRatingMessage,
	saveVoiceAnswer,
	voiceAnswerSchema,
	voiceFindings,
	voiceForLink
} from '$lib/server/audit/voice-answer';
import { openGuestLinkPage } from '$lib/server/links/page';
import { withNotice } from '$lib/notice';
import type { Actions, PageServerLoad } from './$types';

// A view of an audited case, given by someone without an account: the link is the only key, so
// the page shows nothing of the case, and load and action each check it afresh.

async function openVoice() {
	const link = await openGuestLinkPage('audit-view');
	const voice = await voiceForLink(getDb(), link.subjectId);
	if (!voice)
		error(404, 'This link is not recognised. Check you copied the whole link from the email.');
	return { link, voice };
}

export const load: PageServerLoad = async () => {
	const { link, voice } = await openVoice();
	return { relationship: voice.relationship, expiresAt: link.expiresAt.toISOString() };
};

export const actions: Actions = {
	default: async ({ request }) => {
		const { link, voice } = await openVoice();
		const form = await readFormData(request);
		const parsed = parseForm(voiceAnswerSchema, form);
		if (!parsed.ok) {
			const errors = { ...parsed.errors };
			if (errors.rating && voice.relationship === 'child') errors.rating = childRatingMessage;
			return fail(400, { values: parsed.values, errors });
		}
		const findings = voiceFindings(parsed.data, voice.workerName);
		const confirmed = form.get('anonymity') === 'yes';
		if (findings.length && !confirmed)
			return fail(400, {
				values: formValues(form),
				findings,
				errors: {
					anonymity:
						'Check the highlighted words: take out names and addresses, or tick the box to say they identify no one'
				}
			});
		const saved = await saveVoiceAnswer(getDb(), link, parsed.data, findings.length > 0);
		// Used in another tab, or stopped working, since the page opened: say which.
		if (!saved) await openGuestLinkPage('audit-view');
		redirect(303, withNotice('/have-your-say/thank-you', 'answered'));
	}
};
