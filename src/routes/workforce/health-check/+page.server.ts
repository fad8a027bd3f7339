import { redirect } from '@sveltejs/kit';
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
import { resultsTable, responseTable, surveyComments } from '$lib/server/health-check/results';
import {
	closeHealthCheck,
	countStaff,
	isOpen,
	listHealthChecks,
	openHealthCheck,
	surveyTitle,
	yearsToOpen
} from '$lib/server/health-check/surveys';
import { withNotice } from '$lib/notice';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	requireRole('psw');
	const db = getDb();
	const today = dateOnly();
	const surveys = await listHealthChecks(db);
	return {
		years: await yearsToOpen(db, today),
		staff: await countStaff(db),
		surveys: await Promise.all(
			surveys.map(async (survey) => ({
				id: survey.id,
				year: survey.year,
				title: surveyTitle(survey),
				open: isOpen(survey, today),
				response: responseTable(survey, today),
				results: await resultsTable(db, survey, today),
				comments: await surveyComments(db, survey, today)
			}))
		)
	};
};

export const actions: Actions = {
	open: async ({ request }) => {
		const psw = requireRole('psw');
		const form = await readFormData(request);
		const values = formValues(form);
		const year = Number(textOf(form, 'year'));
		const closesOn = parseDateParts(form, 'closesOn', 'closing date');
		const errors: Record<string, string> = {};
		const years = await yearsToOpen(getDb());
		if (!years.includes(year)) errors.year = 'Choose the year the health check is for';
		if (closesOn.error) errors.closesOn = closesOn.error;
		if (Object.keys(errors).length) return invalid(values, errors);
		const refused = await orFail(values, () =>
			openHealthCheck(getDb(), psw.id, { year, closesOn: closesOn.value! })
		);
		if (refused) return refused;
		redirect(303, withNotice('/workforce/health-check', 'opened'));
	},
	close: async ({ request }) => {
		const psw = requireRole('psw');
		const id = textOf(await readFormData(request), 'id');
		const refused = await orFail({}, () => closeHealthCheck(getDb(), psw.id, id));
		if (refused)
			return invalid({}, { close: Object.values(refused.data.errors)[0] }, refused.status);
		redirect(303, withNotice('/workforce/health-check', 'closed'));
	}
};
