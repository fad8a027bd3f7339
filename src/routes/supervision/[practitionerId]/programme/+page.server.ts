import { error } from '@sveltejs/kit';
import { requireSupervisorOf } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { getPerson } from '$lib/server/people/users';
import { programmeFor } from '$lib/server/programme';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	await requireSupervisorOf(params.practitionerId);
	const person = await getPerson(getDb(), params.practitionerId);
	if (!person) error(404, 'There is no such person.');
	return {
		person: { id: person.id, name: person.name },
		programme: (await programmeFor(getDb(), person.id)) ?? null
	};
};
