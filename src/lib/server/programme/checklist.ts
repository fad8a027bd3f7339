import { theReview as the } from '../../programme/vocabulary';
import type { Programme, RequiredItem } from './definition';

// The moderation panel's checklist: each item the programme requires (content), met or what is
// missing, in words. A plain rule over counts the database gives (see assessment-record.ts), so
// it is tested with its cases written out.

/** What the practitioner's records hold, counted from the start of the programme. */
export interface ChecklistCounts {
	/** Observations of practice recorded by an observer. */
	observations: number;
	/** Evidence by type: accepted, and submitted still awaiting review (which does not count). */
	evidence: Record<string, { accepted: number; awaiting: number }>;
	/** The development plans written, by plan id, and whether each is agreed. */
	plans: Record<string, { agreed: boolean }>;
	/** The reviews (by id) that have the practitioner's critical reflection. */
	reflections: string[];
}

/** A review point with its state today (see `reviewStates`). */
export interface ChecklistReview {
	id: string;
	title: string;
	optional: boolean;
	state: 'done' | 'overdue' | 'due-soon' | 'upcoming' | 'optional';
}

/** Met; missing (due, or counted towards the end); or not due yet. */
export type ChecklistState = 'met' | 'missing' | 'later';

export interface ChecklistItem {
	key: string;
	/** What is required: "2 pieces of feedback from people who use services". */
	requirement: string;
	state: ChecklistState;
	/** In words: "Agreed", or what is missing: "1 of 2 pieces of feedback from people who use services". */
	status: string;
	/** The development plan (by its id) or the review's reflection the item is about, to link to. */
	plan?: string;
	review?: string;
}

/** The reviews a reflection is asked for: every one but an optional review not held. */
export const reflectedReviews = <R extends Pick<ChecklistReview, 'optional' | 'state'>>(
	reviews: R[]
) => reviews.filter((r) => !r.optional || r.state === 'done');

/** Each required item in the programme's order, with what is missing. */
export function assessmentChecklist(
	programme: Pick<Programme, 'required' | 'plans'>,
	reviews: ChecklistReview[],
	counts: ChecklistCounts
): ChecklistItem[] {
	return programme.required.flatMap((item): ChecklistItem[] => {
		if (item.kind === 'observations') return [counted('observations', item, counts.observations)];
		if (item.kind === 'evidence') {
			const { accepted, awaiting } = counts.evidence[item.type] ?? { accepted: 0, awaiting: 0 };
			return [counted(`evidence-${item.type}`, item, accepted, awaiting)];
		}
		if (item.kind === 'plans')
			return programme.plans.map((plan) => planItem(plan, reviews, counts.plans[plan.id]));
		return reflectedReviews(reviews).map((review) =>
			reflectionItem(review, counts.reflections.includes(review.id))
		);
	});
}

type Counted = Extract<RequiredItem, { count: number }>;

function counted(key: string, { count, item, items }: Counted, have: number, awaiting = 0) {
	const requirement = `${count} ${count === 1 ? item : items}`;
	if (have >= count) return { key, requirement, state: 'met' as const, status: 'Done' };
	const waiting = awaiting
		? `; ${awaiting} more ${awaiting === 1 ? 'awaits' : 'await'} review`
		: '';
	return {
		key,
		requirement,
		state: 'missing' as const,
		status: `${have} of ${requirement}${waiting}`
	};
}

function planItem(
	plan: Programme['plans'][number],
	reviews: ChecklistReview[],
	written: { agreed: boolean } | undefined
): ChecklistItem {
	const item = { key: `plan-${plan.id}`, requirement: plan.title, plan: plan.id };
	if (written?.agreed) return { ...item, state: 'met', status: 'Agreed' };
	const drafted = written ? 'Written, not yet agreed' : 'Not written yet';
	// A plan after a review is due once that review is recorded; the first, from the start.
	const after = reviews.find((r) => r.id === plan.after);
	if (!after || after.state === 'done') return { ...item, state: 'missing', status: drafted };
	const when = `Due after ${the(after.title)}`;
	return { ...item, state: 'later', status: written ? `${when}; written, not yet agreed` : when };
}

function reflectionItem(review: ChecklistReview, written: boolean): ChecklistItem {
	const item = {
		key: `reflection-${review.id}`,
		requirement: `Critical reflection for ${the(review.title)}`,
		review: review.id
	};
	if (written) return { ...item, state: 'met', status: 'Written' };
	if (review.state === 'done' || review.state === 'overdue')
		return { ...item, state: 'missing', status: 'Not written' };
	return { ...item, state: 'later', status: `Due by ${the(review.title)}` };
}
