import { redirect } from '@sveltejs/kit';
import { addAction } from '$lib/server/audit/actions';
import { requireDraftAuditor } from '$lib/server/audit/access';
import { dateOnly } from '$lib/server/db/time';
import { formValues, invalid, parseDateParts, readFormData } from '$lib/server/forms';
import { activePeopleChoices } from '$lib/server/people/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { audit, db } = await requireDraftAuditor(params.id);
	return {
		audit: { id: audit.id, case_ref: audit.case_ref, practitionerName: audit.practitionerName },
		owners: await activePeopleChoices(db),
		initial: { ownerId: audit.practitioner_id }
	};
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const { user, audit, db } = await requireDraftAuditor(params.id);
		const form = await readFormData(request);
		const values = formValues(form);
		const errors: Record<string, string> = {};
		const description = String(values.description ?? '');
		if (!description) errors.description = 'Write the action';
		else if (description.length > 2000)
			errors.description = 'The action must be 2,000 characters or fewer';
		const ownerId = String(values.ownerId ?? '');
		if (!(await activePeopleChoices(db)).some((o) => o.value === ownerId))
			errors.ownerId = 'Choose who owns the action';
		const due = parseDateParts(form, 'dueOn', 'due date');
		values.dueOn = due.parts;
		if (due.error) errors.dueOn = due.error;
		else if (due.value! < dateOnly()) errors.dueOn = 'The due date must be today or in the future';
		if (Object.keys(errors).length) return invalid(values, errors);
		await addAction(db, user.id, audit.id, { description, ownerId, dueOn: due.value! });
		redirect(303, `/audits/${audit.id}?saved=action#actions`);
	}
};
