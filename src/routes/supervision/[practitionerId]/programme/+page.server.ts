import { error, redirect } from '@sveltejs/kit';
import { requirePractitionerOf } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import type { RelationshipKind } from '$lib/server/db/schema';
import { invalid, orFail, readFormData, textOf } from '$lib/server/forms';
import { getFramework } from '$lib/server/framework';
import { programmePage } from '$lib/server/programme';
import { assessmentRecord } from '$lib/server/programme/assessment-record';
import { programmeTrajectory } from '$lib/server/programme/trajectory-records';
import { createAgreement, signAgreement } from '$lib/server/programme/agreement';
import {
	enrolmentForms,
	readEnrolmentForm,
	withOlderHoursFields
} from '$lib/server/programme/enrolment-form';
import { changeHours, extendEnrolment } from '$lib/server/programme/lifecycle';
import { supervising, supervisingKinds } from '$lib/server/people/relationships';
import type { Actions, PageServerLoad } from './$types';
import { withNotice } from '$lib/notice';

/**
 * Anyone with a relationship to the practitioner sees their programme and agreement; only their
 * line manager or practice supervisor changes it (or the kinds asked for).
 */
async function context(practitionerId: string, kinds?: readonly RelationshipKind[]) {
	const { user, person, held } = await requirePractitionerOf(practitionerId, kinds);
	return { user, person, held, page: await programmePage(getDb(), person.id) };
}

export const load: PageServerLoad = async ({ params }) => {
	const { person, held, page } = await context(params.practitionerId);
	const db = getDb();
	const supervises = supervising(held);
	const assesses = held.includes('assessor');
	const agreement = page?.agreement;
	return {
		person: { id: person.id, name: person.name },
		page,
		record: page && (await assessmentRecord(db, person.id, page.programme)),
		trajectory: page && (await programmeTrajectory(db, person.id, page.programme, getFramework()!)),
		supervises,
		assesses,
		// One signature here: the supervisor's if theirs to give, else the assessor's.
		canSignAs:
			supervises && !agreement?.supervisor_signed_at
				? ('supervisor' as const)
				: assesses && !agreement?.assessor_signed_at
					? ('assessor' as const)
					: undefined
	};
};

export const actions: Actions = {
	agreement: async ({ params, request }) => {
		const { user, page } = await context(params.practitionerId, supervisingKinds);
		if (!page) error(404, 'They are not enrolled on a programme.');
		const terms = textOf(await readFormData(request), 'terms');
		const refused = await orFail({ terms }, () =>
			createAgreement(getDb(), user.id, page.programme.enrolmentId, terms)
		);
		if (refused) return refused;
		redirect(
			303,
			withNotice(`/supervision/${params.practitionerId}/programme#agreement`, 'agreement')
		);
	},
	sign: async ({ params, request }) => {
		const as = textOf(await readFormData(request), 'as') === 'assessor' ? 'assessor' : 'supervisor';
		const { user, page } = await context(
			params.practitionerId,
			as === 'assessor' ? ['assessor'] : supervisingKinds
		);
		if (!page) error(404, 'They are not enrolled on a programme.');
		const signer = { id: user.id, practitioner: false, supervisor: as === 'supervisor' };
		const refused = await orFail({}, () =>
			signAgreement(getDb(), signer, page.programme.enrolmentId, as)
		);
		if (refused) return refused;
		redirect(
			303,
			withNotice(`/supervision/${params.practitionerId}/programme#agreement`, 'signed')
		);
	},
	hours: async ({ params, request }) => {
		const { user, page } = await context(params.practitionerId, supervisingKinds);
		if (!page) error(404, 'They are not enrolled on a programme.');
		const form = readEnrolmentForm(
			enrolmentForms.hours,
			withOlderHoursFields(await readFormData(request))
		);
		if (!form.ok) return invalid(form.values, form.errors);
		const refused = await orFail(form.values, () =>
			changeHours(getDb(), user.id, page.programme.enrolmentId, {
				fromOn: form.dates.hoursFrom!,
				ftePercent: form.data.hoursPercent
			})
		);
		if (refused) return refused;
		redirect(303, withNotice(`/supervision/${params.practitionerId}/programme`, 'hours'));
	},
	extend: async ({ params, request }) => {
		const { user, page } = await context(params.practitionerId, supervisingKinds);
		if (!page) error(404, 'They are not enrolled on a programme.');
		const form = await readFormData(request);
		const monthsText = textOf(form, 'months');
		const reason = textOf(form, 'reason');
		const errors: Record<string, string> = {};
		if (!/^\d{1,2}$/.test(monthsText) || Number(monthsText) < 1 || Number(monthsText) > 12)
			errors.months = 'Enter the extension in whole months from 1 to 12';
		if (!reason) errors.reason = 'Write why the programme is extended';
		if (Object.keys(errors).length) return invalid({ months: monthsText, reason }, errors);
		const refused = await orFail({ months: monthsText, reason }, () =>
			extendEnrolment(getDb(), user.id, page.programme.enrolmentId, {
				months: Number(monthsText),
				reason
			})
		);
		if (refused) return refused;
		redirect(303, withNotice(`/supervision/${params.practitionerId}/programme`, 'extended'));
	}
};
