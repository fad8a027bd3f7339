import { requireRole } from '$lib/server/auth/access';
import { firstSignInWords } from '$lib/server/auth/invitations';
import { getDb } from '$lib/server/db';
import { countUnsent } from '$lib/server/mail/outbox';
import { listTeams } from '$lib/server/people/teams';
import { listPeople } from '$lib/server/people/users';
import { verifySignoffs } from '$lib/server/signoff/verify';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	requireRole('admin');
	const db = getDb();
	const people = await listPeople(db);
	return {
		signoffs: await verifySignoffs(db),
		words: firstSignInWords(),
		counts: {
			active: people.filter((p) => p.active).length,
			invited: people.filter((p) => p.active && p.invited).length,
			deactivated: people.filter((p) => !p.active).length,
			teams: (await listTeams(db)).length,
			outbox: await countUnsent(db)
		}
	};
};
