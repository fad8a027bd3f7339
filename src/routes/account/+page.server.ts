import { requireUser } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { getPerson } from '$lib/server/people/users';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser();
	const person = await getPerson(getDb(), user.id);
	const team = person?.team_id
		? await getDb()
				.selectFrom('teams')
				.select('name')
				.where('id', '=', person.team_id)
				.executeTakeFirst()
		: undefined;
	return {
		account: {
			name: user.name,
			email: user.email,
			roles: user.roles,
			team: team?.name ?? null,
			careerStage: person?.career_stage ?? null,
			sweNumber: person?.swe_number ?? null,
			sessionExpires: locals.session!.expiresAt.toISOString()
		}
	};
};
