import type { Db } from '../db';
import { observerName } from '../observation/observer-name';
import type { Framework } from '../framework/schema';
import { getPerson } from '../people/users';
import { signOffState } from '../signoff/signoffs';
import { programmeFor } from '.';
import { enrolmentIdOf, getAgreement } from './agreement';
import { assessmentRecord, type ProgrammeView } from './assessment-record';

/**
 * The panel pack's page, for whoever may read it (the practitioner's own, or their assessor's,
 * supervisors' and the authority's): the person, the framework's domains, the pack, and the
 * support and assessment agreement. Undefined when there is no such person. Of their current
 * programme, unless `programme` names another of theirs (a period of the portfolio as a PDF).
 */
export async function packPage(
	db: Db,
	practitionerId: string,
	framework: Framework,
	programme?: ProgrammeView
) {
	const person = await getPerson(db, practitionerId);
	if (!person) return undefined;
	const enrolmentId = programme?.enrolmentId ?? (await enrolmentIdOf(db, person.id));
	return {
		person: { id: person.id, name: person.name, sweNumber: person.swe_number },
		frameworkName: framework.version.shortTitle,
		domains: framework.domains.map(({ id, title }) => ({ id, title })),
		pack: await moderationPack(db, person.id, framework, programme),
		agreement: enrolmentId ? ((await getAgreement(db, enrolmentId)) ?? null) : null
	};
}

export type PackPage = NonNullable<Awaited<ReturnType<typeof packPage>>>;

/**
 * Everything a moderation panel reads for one practitioner, in one place: the programme and
 * its reviews, the assessment record (plans, reflections and the checklist of required items),
 * observations, self-assessments, accepted evidence by outcome, and sign-offs.
 */
export async function moderationPack(
	db: Db,
	practitionerId: string,
	framework: Framework,
	enrolment?: ProgrammeView
) {
	const programme = enrolment ?? (await programmeFor(db, practitionerId));
	const reviews = programme ? await reviewsOf(db, programme.enrolmentId) : [];
	const record = programme ? await assessmentRecord(db, practitionerId, programme) : null;
	const observations = await observationsOf(db, practitionerId);
	const selfAssessments = await db
		.selectFrom('self_assessments')
		.select(['id', 'created_at'])
		.where('user_id', '=', practitionerId)
		.orderBy('created_at')
		.execute();
	const accepted = await acceptedEvidence(db, practitionerId, framework);
	const signoffs = await signOffState(db, practitionerId, framework.version.id);
	return {
		programme,
		reviews: reviews.map((r) => ({
			...r,
			progress: JSON.parse(r.progress) as Record<string, string>
		})),
		record,
		observations,
		selfAssessments,
		outcomes: framework.domains.flatMap((d) =>
			d.outcomes.map((o) => ({
				id: o.id,
				title: o.title,
				evidence: accepted.filter((a) => a.outcome_id === o.id),
				signoff: signoffs.get(o.id) ?? null
			}))
		)
	};
}

/** The enrolment's reviews in the order they were done, with who wrote, countersigned and decided. */
function reviewsOf(db: Db, enrolmentId: string) {
	return db
		.selectFrom('programme_reviews')
		.leftJoin('users as reviewer', 'reviewer.id', 'programme_reviews.completed_by')
		.leftJoin('users as countersigner', 'countersigner.id', 'programme_reviews.countersigned_by')
		.leftJoin('users as panel', 'panel.id', 'programme_reviews.panel_by')
		.selectAll('programme_reviews')
		.select([
			'reviewer.name as reviewerName',
			'countersigner.name as countersignerName',
			'panel.name as panelName'
		])
		.where('enrolment_id', '=', enrolmentId)
		.orderBy('completed_at')
		.execute();
}

function observationsOf(db: Db, practitionerId: string) {
	return db
		.selectFrom('observations')
		.leftJoin('users', 'users.id', 'observations.observer_id')
		.select([
			'observations.id',
			'observed_on',
			'setting',
			'went_well',
			'to_develop',
			'practitioner_reflection',
			observerName.as('observerName')
		])
		.where('practitioner_id', '=', practitionerId)
		.orderBy('observed_on')
		.execute();
}

/** Accepted evidence with the outcomes of the framework version it is mapped to, oldest first. */
function acceptedEvidence(db: Db, practitionerId: string, framework: Framework) {
	return db
		.selectFrom('evidence')
		.innerJoin('evidence_outcomes', 'evidence_outcomes.evidence_id', 'evidence.id')
		.select([
			'evidence.id',
			'evidence.title',
			'evidence.activity_date',
			'evidence_outcomes.outcome_id'
		])
		.where('evidence.owner_id', '=', practitionerId)
		.where('evidence.status', '=', 'accepted')
		.where('evidence_outcomes.framework_version', '=', framework.version.id)
		.orderBy('evidence.activity_date')
		.execute();
}
