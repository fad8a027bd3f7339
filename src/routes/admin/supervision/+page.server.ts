import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { dateOnly } from '$lib/server/db/time';
import {
	formValues,
	invalid,
	orFail,
	parseDateParts,
	parseForm,
	readFormData,
	required,
	textOf
} from '$lib/server/forms';
import {
	assignSupervisor,
	endSupervision,
	isCurrent,
	listSupervisions
} from '$lib/server/people/supervision';
import { listPeopleWithRole } from '$lib/server/people/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	requireRole('admin');
	const db = getDb();
	const today = dateOnly();
	const all = await listSupervisions(db);
	return {
		current: all.filter((s) => isCurrent(s, today) || s.starts_on > today),
		past: all.filter((s) => s.ends_on !== null && s.ends_on <= today),
		supervisors: await listPeopleWithRole(db, 'supervisor'),
		practitioners: await listPeopleWithRole(db, 'practitioner'),
		saved: url.searchParams.get('saved')
	};
};

const assignSchema = z.object({
	superviseeId: required('Choose the person to be supervised'),
	supervisorId: required('Choose a supervisor')
});

export const actions: Actions = {
	assign: async ({ request }) => {
		const admin = requireRole('admin');
		const form = await readFormData(request);
		const parsed = parseForm(assignSchema, form);
		const date = parseDateParts(form, 'startsOn', 'start date');
		const errors = {
			...(parsed.ok ? {} : parsed.errors),
			...(date.error ? { startsOn: date.error } : {})
		};
		const values = { ...formValues(form), startsOn: date.parts };
		if (!parsed.ok || !date.value) return invalid(values, errors);
		const input = { ...parsed.data, startsOn: date.value };
		const refused = await orFail(values, () => assignSupervisor(getDb(), admin.id, input));
		if (refused) return refused;
		redirect(303, '/admin/supervision?saved=assigned');
	},
	end: async ({ request }) => {
		const admin = requireRole('admin');
		const id = textOf(await readFormData(request), 'id');
		const refused = await orFail({}, () => endSupervision(getDb(), admin.id, id, dateOnly()));
		if (refused) return refused;
		redirect(303, '/admin/supervision?saved=ended');
	}
};
