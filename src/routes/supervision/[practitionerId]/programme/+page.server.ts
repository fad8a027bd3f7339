import { error, redirect } from '@sveltejs/kit';
import { requireSupervisee } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { invalid, orFail, readFormData, textOf } from '$lib/server/forms';
import { programmePage } from '$lib/server/programme';
import {
	createAgreement,
	extendProgramme,
	setWorkingHours,
	signAgreement
} from '$lib/server/programme/agreement';
import type { Actions, PageServerLoad } from './$types';

async function context(practitionerId: string) {
	const { user, person } = await requireSupervisee(practitionerId);
	return { user, person, page: await programmePage(getDb(), person.id) };
}

export const load: PageServerLoad = async ({ params }) => {
	const { person, page } = await context(params.practitionerId);
	return { person: { id: person.id, name: person.name }, page };
};

export const actions: Actions = {
	agreement: async ({ params, request }) => {
		const { user, page } = await context(params.practitionerId);
		if (!page) error(404, 'They are not enrolled on a programme.');
		const terms = textOf(await readFormData(request), 'terms');
		const refused = await orFail({ terms }, () =>
			createAgreement(getDb(), user.id, page.programme.enrolmentId, terms)
		);
		if (refused) return refused;
		redirect(303, `/supervision/${params.practitionerId}/programme#agreement`);
	},
	sign: async ({ params }) => {
		const { user, page } = await context(params.practitionerId);
		if (!page) error(404, 'They are not enrolled on a programme.');
		const signer = { id: user.id, practitioner: false, supervisor: true };
		const refused = await orFail({}, () =>
			signAgreement(getDb(), signer, page.programme.enrolmentId, 'supervisor')
		);
		if (refused) return refused;
		redirect(303, `/supervision/${params.practitionerId}/programme#agreement`);
	},
	hours: async ({ params, request }) => {
		const { user, page } = await context(params.practitionerId);
		if (!page) error(404, 'They are not enrolled on a programme.');
		const text = textOf(await readFormData(request), 'ftePercent');
		const percent = Number(text);
		if (!/^\d{1,3}$/.test(text) || percent < 10 || percent > 100) {
			return invalid(
				{ ftePercent: text },
				{
					ftePercent:
						'Enter working hours as a whole percentage of full time from 10 to 100, like 60'
				}
			);
		}
		await setWorkingHours(getDb(), user.id, page.programme.enrolmentId, percent);
		redirect(303, `/supervision/${params.practitionerId}/programme`);
	},
	extend: async ({ params, request }) => {
		const { user, page } = await context(params.practitionerId);
		if (!page) error(404, 'They are not enrolled on a programme.');
		const form = await readFormData(request);
		const monthsText = textOf(form, 'months');
		const reason = textOf(form, 'reason');
		const errors: Record<string, string> = {};
		if (!/^\d{1,2}$/.test(monthsText) || Number(monthsText) < 1 || Number(monthsText) > 12)
			errors.months = 'Enter the extension in whole months from 1 to 12';
		if (!reason) errors.reason = 'Write why the programme is extended';
		if (Object.keys(errors).length) return invalid({ months: monthsText, reason }, errors);
		await extendProgramme(getDb(), user.id, page.programme.enrolmentId, Number(monthsText), reason);
		redirect(303, `/supervision/${params.practitionerId}/programme`);
	}
};
