import { error, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { invalid, orFail, readFormData, textOf } from '$lib/server/forms';
import { getPerson } from '$lib/server/people/users';
import { retentionPolicy } from '$lib/server/retention';
import { erasePerson } from '$lib/server/retention/erase-person';
import { erasureSummary } from '$lib/server/retention/erasure-summary';
import { withNotice } from '$lib/notice';
import type { Actions, PageServerLoad } from './$types';

async function findPerson(id: string) {
	const person = await getPerson(getDb(), id);
	if (!person) error(404, 'There is nobody with this id.');
	return person;
}

export const load: PageServerLoad = async ({ params }) => {
	const admin = requireRole('admin');
	const person = await findPerson(params.id);
	return {
		person: { id: person.id, name: person.name, email: person.email, erasedAt: person.erased_at },
		self: person.id === admin.id,
		summary: await erasureSummary(getDb(), person.id),
		auditYears: retentionPolicy().auditYears
	};
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const admin = requireRole('admin');
		const person = await findPerson(params.id);
		const form = await readFormData(request);
		const values = { confirmEmail: textOf(form, 'confirmEmail') };
		if (!values.confirmEmail)
			return invalid(values, { confirmEmail: 'Enter their email address to confirm' });
		if (values.confirmEmail.toLowerCase() !== person.email.toLowerCase())
			return invalid(values, {
				confirmEmail: 'Enter their email address exactly as it is shown above'
			});
		const refused = await orFail(values, () => erasePerson(getDb(), admin.id, person.id));
		if (refused) return refused;
		redirect(303, withNotice(`/admin/people/${person.id}`, 'erased'));
	}
};
