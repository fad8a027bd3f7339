import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { frameworkLibrary, getFramework } from '$lib/server/framework';
import { learningOf } from '$lib/server/learning';
import { getPerson } from '$lib/server/people/users';
import { portfolioSeenByOthers } from '$lib/server/portfolio/seen-by-others';
import { programmeFor } from '$lib/server/programme';
import { teamName } from '$lib/server/people/teams';
import type { PageServerLoad } from './$types';

/** A practitioner's portfolio as a principal social worker reads it: the drill-down's last step. */
export const load: PageServerLoad = async ({ params }) => {
	requireRole('psw');
	const db = getDb();
	const person = await getPerson(db, params.id);
	if (!person || !person.roles.includes('practitioner'))
		error(404, 'There is no such practitioner.');
	const framework = getFramework()!;
	const programme = await programmeFor(db, person.id);
	return {
		person: {
			id: person.id,
			name: person.name,
			careerStage: person.career_stage,
			team: await teamName(db, person.team_id),
			teamId: person.team_id
		},
		programme: programme
			? {
					title: programme.programme.title,
					startsOn: programme.startsOn,
					reviews: programme.reviews.map((r) => ({
						id: r.id,
						title: r.title,
						dueOn: r.dueOn,
						state: r.state
					}))
				}
			: null,
		frameworkName: framework.version.shortTitle,
		...(await portfolioSeenByOthers(db, person.id, framework, frameworkLibrary().crosswalks)),
		learning: await learningOf(db, person.id)
	};
};
