import type { Db } from '../db';
import { assessmentChecklist, reflectedReviews, type ChecklistCounts } from './checklist';
import type { enrolmentProgramme } from '.';
import { plansOf } from './plans';
import { reflectionsOf } from './reflections';

// The assessment record of one enrolment: its development plans and critical reflections, and
// the moderation panel's checklist counted from the practitioner's real records.

export type ProgrammeView = NonNullable<Awaited<ReturnType<typeof enrolmentProgramme>>>;

/** The plans the programme names, the reflections its reviews ask for, and the checklist. */
export async function assessmentRecord(db: Db, practitionerId: string, programme: ProgrammeView) {
	const [plans, reflections] = await Promise.all([
		plansOf(db, programme.enrolmentId),
		reflectionsOf(db, programme.enrolmentId)
	]);
	const counts: ChecklistCounts = {
		...(await recordCounts(db, practitionerId, programme)),
		plans: Object.fromEntries(plans.map((p) => [p.plan_id, { agreed: p.agreed_at !== null }])),
		reflections: reflections.map((r) => r.review_id)
	};
	const reviewTitle = (id: string) => programme.reviews.find((r) => r.id === id)?.title;
	return {
		plans: programme.programme.plans.map((plan) => ({
			...plan,
			afterTitle: reviewTitle(plan.after) ?? null,
			written: plans.find((p) => p.plan_id === plan.id) ?? null
		})),
		reflections: reflectedReviews(programme.reviews).map((review) => ({
			review,
			written: reflections.find((r) => r.review_id === review.id) ?? null
		})),
		checklist: assessmentChecklist(programme.programme, programme.reviews, counts)
	};
}

export type AssessmentRecord = Awaited<ReturnType<typeof assessmentRecord>>;

/**
 * What counts, from the programme's first day: observations of practice recorded by an
 * observer, and evidence of each type the programme requires once it is accepted (submitted
 * records are counted apart, as awaiting review; drafts and returned records not at all).
 */
async function recordCounts(db: Db, practitionerId: string, programme: ProgrammeView) {
	const observed = await db
		.selectFrom('observations')
		.select((eb) => eb.fn.countAll<string | number>().as('n'))
		.where('practitioner_id', '=', practitionerId)
		.where('observed_on', '>=', programme.startsOn)
		.executeTakeFirstOrThrow();
	const types = programme.programme.required.flatMap((r) =>
		r.kind === 'evidence' ? [r.type] : []
	);
	const rows = types.length
		? await db
				.selectFrom('evidence')
				.select(['type', 'status', (eb) => eb.fn.countAll<string | number>().as('n')])
				.where('owner_id', '=', practitionerId)
				.where('type', 'in', types)
				.where('status', 'in', ['accepted', 'submitted'])
				.where('activity_date', '>=', programme.startsOn)
				.groupBy(['type', 'status'])
				.execute()
		: [];
	const count = (type: string, status: string) =>
		Number(rows.find((r) => r.type === type && r.status === status)?.n ?? 0);
	return {
		observations: Number(observed.n),
		evidence: Object.fromEntries(
			types.map((type) => [
				type,
				{ accepted: count(type, 'accepted'), awaiting: count(type, 'submitted') }
			])
		)
	};
}
