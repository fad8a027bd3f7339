import { error, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { invalid, orFail, readFormData } from '$lib/server/forms';
import { assignableTo, parseAssignment } from '$lib/server/learning/assign-form';
import { assignPathway } from '$lib/server/learning/assignments';
import { needForAssignment } from '$lib/server/learning/needs';
import { getPathway } from '$lib/server/pathways';
import type { Actions, PageServerLoad } from './$types';

function requirePathway(id: string) {
	const pathway = getPathway(id);
	if (!pathway) error(404, `There is no learning pathway called “${id}”.`);
	return pathway;
}

export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireUser();
	const pathway = requirePathway(params.id);
	const allowed = await assignableTo(getDb(), user);
	const person = url.searchParams.get('person') ?? '';
	const needId = url.searchParams.get('need') ?? '';
	const need = await needForAssignment(
		getDb(),
		needId,
		allowed.people.map((p) => p.value)
	);
	return {
		pathway: { id: pathway.id, title: pathway.title },
		need: need ?? null,
		allowed,
		initial: {
			scope: 'person',
			practitionerId: need?.practitioner_id ?? person,
			needId: need?.id ?? ''
		}
	};
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const user = requireUser();
		const pathway = requirePathway(params.id);
		const db = getDb();
		const allowed = await assignableTo(db, user);
		const parsed = await parseAssignment(db, allowed, pathway.id, await readFormData(request));
		if (!parsed.input) return invalid(parsed.values, parsed.errors);
		const input = parsed.input;
		const refused = await orFail(parsed.values, () => assignPathway(db, user.id, input));
		if (refused) return refused;
		const back =
			parsed.input.scope === 'person' && allowed.people.length && !user.roles.includes('psw')
				? `/supervision/${parsed.input.practitionerId}?saved=assigned#learning`
				: `/pathways/${pathway.id}?assigned=1`;
		redirect(303, back);
	}
};
