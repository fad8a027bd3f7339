import { error, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { dateOnly } from '$lib/server/db/time';
import {
	formValues,
	invalid,
	orFail,
	parseDateParts,
	readFormData,
	textOf
} from '$lib/server/forms';
import { getFramework } from '$lib/server/framework';
import { programmePage } from '$lib/server/programme';
import { assessmentRecord } from '$lib/server/programme/assessment-record';
import { programmeTrajectory } from '$lib/server/programme/trajectory-records';
import { recordProtectedTime, signAgreement } from '$lib/server/programme/agreement';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('practitioner');
	const page = await programmePage(getDb(), user.id);
	return {
		page,
		record: page && (await assessmentRecord(getDb(), user.id, page.programme)),
		trajectory:
			page && (await programmeTrajectory(getDb(), user.id, page.programme, getFramework()!)),
		name: user.name
	};
};

async function enrolment() {
	const user = requireRole('practitioner');
	const page = await programmePage(getDb(), user.id);
	if (!page) error(404, 'You are not enrolled on a programme.');
	return { user, page };
}

export const actions: Actions = {
	sign: async () => {
		const { user, page } = await enrolment();
		const signer = { id: user.id, practitioner: true, supervisor: false };
		const refused = await orFail({}, () =>
			signAgreement(getDb(), signer, page.programme.enrolmentId, 'practitioner')
		);
		if (refused) return refused;
		redirect(303, '/portfolio/programme?saved=signed');
	},
	time: async ({ request }) => {
		const { user, page } = await enrolment();
		const form = await readFormData(request);
		const values: Record<string, unknown> = formValues(form);
		const errors: Record<string, string> = {};
		const date = parseDateParts(form, 'takenOn', 'date');
		values.takenOn = date.parts;
		if (date.error) errors.takenOn = date.error;
		else if (date.value! > dateOnly()) errors.takenOn = 'The date must be today or in the past';
		const hoursText = textOf(form, 'timeHours');
		const hours = Number(hoursText);
		if (!/^\d{1,2}(\.\d{1,2})?$/.test(hoursText) || hours <= 0 || hours > 24)
			errors.timeHours = 'Enter the hours as a number between 0.25 and 24, like 1.5';
		const activity = textOf(form, 'activity');
		if (!activity) errors.activity = 'Say what you used the time for';
		if (Object.keys(errors).length) return invalid(values, errors);
		await recordProtectedTime(getDb(), user.id, page.programme.enrolmentId, {
			takenOn: date.value!,
			minutes: Math.round(hours * 60),
			activity
		});
		redirect(303, '/portfolio/programme?saved=time');
	}
};
