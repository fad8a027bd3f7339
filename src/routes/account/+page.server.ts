import { requireUser } from '$lib/server/auth/access';
import { hasTwoFactor } from '$lib/server/auth/two-factor';
import { getDb } from '$lib/server/db';
import { teamName } from '$lib/server/people/teams';
import { getPerson } from '$lib/server/people/users';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser();
	const person = await getPerson(getDb(), user.id);
	return {
		account: {
			name: user.name,
			email: user.email,
			roles: user.roles,
			team: await teamName(getDb(), person?.team_id ?? null),
			careerStage: person?.career_stage ?? null,
			sweNumber: person?.swe_number ?? null,
			sessionExpires: locals.session!.expiresAt.toISOString(),
			twoFactor: await hasTwoFactor(getDb(), user.id)
		}
	};
};
