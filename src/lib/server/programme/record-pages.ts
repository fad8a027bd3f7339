import type { Db } from '../db';
import { programmeFor } from '.';
import { getPlan } from './plans';
import { getReflection, givenAtReview } from './reflections';
import { getProgrammeReview } from './reviews';

// What the pages of one development plan or one critical reflection show, for the practitioner
// and for those who assess or supervise them: undefined when the person is on no programme or
// it names no such plan or review.

/** One of a practitioner's development plans: the programme's stage and what was written. */
export async function planPage(db: Db, practitionerId: string, planId: string) {
	const programme = await programmeFor(db, practitionerId);
	const plan = programme?.programme.plans.find((p) => p.id === planId);
	if (!programme || !plan) return undefined;
	return {
		enrolmentId: programme.enrolmentId,
		programmeTitle: programme.programme.title,
		plan,
		after: programme.reviews.find((r) => r.id === plan.after) ?? null,
		written: (await getPlan(db, programme.enrolmentId, plan.id)) ?? null
	};
}

/** A practitioner's critical reflection for a review, and whether the review was given it. */
export async function reflectionPage(db: Db, practitionerId: string, reviewId: string) {
	const programme = await programmeFor(db, practitionerId);
	const review = programme?.reviews.find((r) => r.id === reviewId);
	if (!programme || !review) return undefined;
	const recorded = await getProgrammeReview(db, programme.enrolmentId, review.id);
	return {
		enrolmentId: programme.enrolmentId,
		programmeTitle: programme.programme.title,
		review,
		recordedOn: recorded?.completed_at ?? null,
		givenAtReview: await givenAtReview(db, programme.enrolmentId, review.id),
		written: (await getReflection(db, programme.enrolmentId, review.id)) ?? null
	};
}
