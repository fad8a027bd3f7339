import { requirePractitionerOf } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { findOutcome, frameworkLibrary, getFramework, versionView } from '$lib/server/framework';
import { feedbackGivenTo } from '$lib/server/feedback/given';
import { learningOf } from '$lib/server/learning';
import { observationCount } from '$lib/server/observation/observations';
import { supervising } from '$lib/server/people/relationships';
import { listSupervisionRecords } from '$lib/server/review/supervision-records';
import { openActionsOf } from '$lib/server/review/supervision-actions';
import { supervisionScheduleOf } from '$lib/server/review/supervision-schedule';
import { dateOnly } from '$lib/server/db/time';
import { programmeDefinitionFor } from '$lib/server/programme';
import { listEvidence } from '$lib/server/portfolio/list';
import { coverageFor, coverageTable } from '$lib/server/portfolio/coverage';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const { person, held } = await requirePractitionerOf(params.practitionerId);
	const db = getDb();
	const framework = getFramework()!;
	const records = await listEvidence(db, person.id, {}, versionView(framework));
	// Supervision records and learning are the supervisors'; assessing is the assessor's.
	const supervises = supervising(held);
	return {
		person: { id: person.id, name: person.name },
		supervises,
		assesses: held.includes('assessor'),
		frameworkName: framework.version.shortTitle,
		domains: coverageTable(
			await coverageFor(db, person.id, framework, frameworkLibrary().crosswalks)
		),
		// Drafts are the practitioner's own until they submit them.
		records: records.filter((r) => r.status !== 'draft'),
		observations: await observationCount(db, person.id),
		feedback: await feedbackGivenTo(db, person.id),
		supervisionRecords: supervises ? await listSupervisionRecords(db, person.id) : [],
		supervisionSchedule: supervises ? await supervisionScheduleOf(db, person.id) : null,
		openActions: supervises ? await openActionsOf(db, person.id) : [],
		today: dateOnly(),
		observationsRequired:
			(await programmeDefinitionFor(db, person.id))?.observationsRequired ?? null,
		learning: supervises ? await learningOf(db, person.id) : null,
		saved: url.searchParams.get('saved'),
		// The outcome just signed off, named in the notice.
		outcome: findOutcome(framework, url.searchParams.get('outcome') ?? '')?.outcome.id ?? null
	};
};
