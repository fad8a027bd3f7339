import { redirect } from '@sveltejs/kit';
import { requirePractitionerOf } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { formValues, invalid, parseDateParts, readFormData, textOf } from '$lib/server/forms';
import { createSupervisionRecord } from '$lib/server/review/supervision-records';
import { supervisingKinds } from '$lib/server/people/relationships';
import type { Actions, PageServerLoad } from './$types';

const actionRows = 3;

export const load: PageServerLoad = async ({ params }) => {
	const { person } = await requirePractitionerOf(params.practitionerId, supervisingKinds);
	return { person: { id: person.id, name: person.name }, actionRows };
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const { user, person } = await requirePractitionerOf(params.practitionerId, supervisingKinds);
		const form = await readFormData(request);
		const values: Record<string, unknown> = formValues(form);
		const text = (key: string) => textOf(form, key);
		const errors: Record<string, string> = {};
		const held = parseDateParts(form, 'heldOn', 'date of the supervision');
		values.heldOn = held.parts;
		if (held.error) errors.heldOn = held.error;
		if (!text('agenda')) errors.agenda = 'Write the agenda';
		if (!text('discussion')) errors.discussion = 'Write the reflective discussion';
		const actions = [];
		for (let i = 1; i <= actionRows; i++) {
			const action = text(`action-${i}`);
			const due = text(`due-${i}`);
			if (!action && !due) continue;
			if (!action) errors[`action-${i}`] = `Write agreed action ${i}, or clear its due date`;
			else if (!/^\d{4}-\d{2}-\d{2}$/.test(due) || Number.isNaN(Date.parse(`${due}T00:00:00Z`))) {
				errors[`due-${i}`] = `Enter the due date of action ${i}`;
			} else actions.push({ action, dueOn: due });
		}
		if (Object.keys(errors).length) return invalid(values, errors);
		const id = await createSupervisionRecord(getDb(), user.id, person.id, {
			heldOn: held.value!,
			agenda: text('agenda'),
			discussion: text('discussion'),
			decisions: text('decisions'),
			actions
		});
		redirect(303, `/supervision/records/${id}?saved`);
	}
};
