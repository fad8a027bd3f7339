import { requireSupervisee } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { findOutcome, getFramework } from '$lib/server/framework';
import { learningOf } from '$lib/server/learning';
import { observationCount } from '$lib/server/observation/observations';
import { listSupervisionRecords } from '$lib/server/review/supervision-records';
import { programmeFor } from '$lib/server/programme';
import { listEvidence } from '$lib/server/portfolio/list';
import { coverageFor } from '$lib/server/portfolio/coverage';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const { person } = await requireSupervisee(params.practitionerId);
	const db = getDb();
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
			(await programmeFor(db, person.id))?.programme.observationsRequired ?? null,
		learning: await learningOf(db, person.id),
		saved: url.searchParams.get('saved'),
		// The outcome just signed off, named in the notice.
		outcome: findOutcome(framework, url.searchParams.get('outcome') ?? '')?.outcome.id ?? null
	};
};
