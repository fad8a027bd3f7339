import { requirePractitionerOf } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { findOutcome, frameworkLibrary, getFramework } from '$lib/server/framework';
import { feedbackGivenTo } from '$lib/server/feedback/given';
import { learningOf } from '$lib/server/learning';
import { observationCount } from '$lib/server/observation/observations';
import { supervising } from '$lib/server/people/relationships';
import { listSupervisionRecords } from '$lib/server/review/supervision-records';
import { openActionsOf } from '$lib/server/review/supervision-actions';
import { enrolmentSchedule } from '$lib/server/review/supervision-schedule';
import { dateOnly } from '$lib/server/db/time';
import { programmeDefinition } from '$lib/server/programme';
import { activeEnrolmentOf } from '$lib/server/programme/enrolments';
import { portfolioSeenByOthers } from '$lib/server/portfolio/seen-by-others';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const { person, held } = await requirePractitionerOf(params.practitionerId);
	const db = getDb();
	const framework = getFramework()!;
	const { crosswalks } = frameworkLibrary();
	const { domains, records } = await portfolioSeenByOthers(db, person.id, framework, crosswalks);
	// Supervision records and learning are the supervisors'; assessing is the assessor's.
	const supervises = supervising(held);
	const enrolment = await activeEnrolmentOf(db, person.id);
	return {
		person: { id: person.id, name: person.name },
		supervises,
		assesses: held.includes('assessor'),
		frameworkName: framework.version.shortTitle,
		domains,
		records,
		observations: await observationCount(db, person.id),
		feedback: await feedbackGivenTo(db, person.id),
		// Each record as the list shows it: its day and who held it (its agenda is on its page).
		supervisionRecords: supervises
			? (await listSupervisionRecords(db, person.id)).map(({ id, held_on, supervisorName }) => ({
					id,
					held_on,
					supervisorName
				}))
			: [],
		supervisionSchedule:
			supervises && enrolment ? await enrolmentSchedule(db, person.id, enrolment) : null,
		openActions: supervises ? await openActionsOf(db, person.id) : [],
		today: dateOnly(),
		observationsRequired:
			(enrolment && programmeDefinition(enrolment.programme)?.observationsRequired) ?? null,
		learning: supervises ? await learningOf(db, person.id) : null,
		saved: url.searchParams.get('saved'),
		// The outcome just signed off, named in the notice.
		outcome: findOutcome(framework, url.searchParams.get('outcome') ?? '')?.outcome.id ?? null
	};
};
