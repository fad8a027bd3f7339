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
	assignSupervision,
	endRelationship,
	isCurrent,
	listRelationships,
	relationshipKinds
} from '$lib/server/people/relationships';
import { listPeopleWithRole } from '$lib/server/people/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	requireRole('admin');
	const db = getDb();
	const today = dateOnly();
	const all = await listRelationships(db);
	const assessors = await listPeopleWithRole(db, 'external-assessor');
	return {
		current: all.filter((r) => isCurrent(r, today) || r.starts_on > today),
		past: all.filter((r) => r.ends_on !== null && r.ends_on <= today),
		holders: [
			...(await listPeopleWithRole(db, 'supervisor')).map((p) => ({ value: p.id, label: p.name })),
			...assessors.map((p) => ({ value: p.id, label: `${p.name} (external assessor)` }))
		],
		practitioners: await listPeopleWithRole(db, 'practitioner'),
		saved: url.searchParams.get('saved')
	};
};

// The form keeps the names it had when a practitioner had one supervisor: `superviseeId` and
// `supervisorId`. Without `kind` (as then), the person takes on all three relationships.
const assignSchema = z.object({
	superviseeId: required('Choose the practitioner'),
	supervisorId: required('Choose who holds the relationship'),
	kind: z
		.enum(['all', ...relationshipKinds], { error: 'Choose which relationship to assign' })
		.optional()
		.default('all')
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
		const refused = await orFail(values, () => assignSupervision(getDb(), admin.id, input));
		if (refused) return refused;
		redirect(303, '/admin/supervision?saved=assigned');
	},
	end: async ({ request }) => {
		const admin = requireRole('admin');
		const id = textOf(await readFormData(request), 'id');
		const refused = await orFail({}, () => endRelationship(getDb(), admin.id, id, dateOnly()));
		if (refused) return refused;
		redirect(303, '/admin/supervision?saved=ended');
	}
};
