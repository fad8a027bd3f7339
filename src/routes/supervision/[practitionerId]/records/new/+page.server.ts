import { redirect } from '@sveltejs/kit';
import { requirePractitionerOf } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { invalid, orFail, readFormData } from '$lib/server/forms';
import { withNotice } from '$lib/notice';
import { supervisingKinds } from '$lib/server/people/relationships';
import { openActionsOf } from '$lib/server/review/supervision-actions';
import { citableAudits } from '$lib/server/review/supervision-audits';
import { actionRows, readSupervisionRecordForm } from '$lib/server/review/supervision-record-form';
import { createSupervisionRecord } from '$lib/server/review/supervision-records';
import { supervisionScheduleOf } from '$lib/server/review/supervision-schedule';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { person } = await requirePractitionerOf(params.practitionerId, supervisingKinds);
	const db = getDb();
	const schedule = await supervisionScheduleOf(db, person.id);
	return {
		person: { id: person.id, name: person.name },
		actionRows,
		openActions: await openActionsOf(db, person.id),
		audits: await citableAudits(db, person.id),
		schedule: schedule && {
			nextDueOn: schedule.nextDueOn,
			overdue: schedule.overdue,
			overdueSince: schedule.overdueSince
		}
	};
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const { user, person } = await requirePractitionerOf(params.practitionerId, supervisingKinds);
		const db = getDb();
		const form = await readFormData(request);
		const { values, errors, input } = readSupervisionRecordForm(
			form,
			await openActionsOf(db, person.id)
		);
		if (!input) return invalid(values, errors);
		let id = '';
		const refused = await orFail(values, async () => {
			id = await createSupervisionRecord(db, user.id, person.id, input);
		});
		if (refused) return refused;
		redirect(303, withNotice(`/supervision/records/${id}`, 'recorded'));
	}
};
