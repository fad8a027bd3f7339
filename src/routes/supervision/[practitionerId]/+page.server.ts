import { error } from '@sveltejs/kit';
import { requireSupervisorOf } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { getFramework } from '$lib/server/framework';
import { observationCount } from '$lib/server/observation/observations';
import { getPerson } from '$lib/server/people/users';
import { listSupervisionRecords } from '$lib/server/review/supervision-records';
import { programmeFor } from '$lib/server/programme';
import { listEvidence } from '$lib/server/portfolio/list';
import { coverageFor } from '$lib/server/portfolio/coverage';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	await requireSupervisorOf(params.practitionerId);
	const db = getDb();
	const person = await getPerson(db, params.practitionerId);
	if (!person) error(404, 'There is no such person.');
	const framework = getFramework()!;
	const records = await listEvidence(db, person.id);
	return {
		person: { id: person.id, name: person.name },
		frameworkName: framework.version.shortTitle,
		domains: await coverageFor(db, person.id, framework),
		// Drafts are the practitioner's own until they submit them.
		records: records.filter((r) => r.status !== 'draft'),
		observations: await observationCount(db, person.id),
		supervisionRecords: await listSupervisionRecords(db, person.id),
		observationsRequired:
			(await programmeFor(db, person.id))?.programme.observationsRequired ?? null
	};
};
