// The words of programme reviews: what a review may recommend. One list for the review form, the
// recorded review and the moderation panel pack, so a value is never shown raw.

export const recommendationNames = {
	'on-track': 'On track',
	'not-on-track': 'Not on track',
	pass: 'Pass',
	fail: 'Fail',
	extend: 'Extend'
} as const;
export type Recommendation = keyof typeof recommendationNames;

/** What a review before the final one may recommend. */
export const interimRecommendations: Recommendation[] = ['on-track', 'not-on-track'];

/** What a programme's final review may recommend (a programme chooses among these). */
export const finalRecommendations = ['pass', 'fail', 'extend'] as const;

/** A recommendation's name; a value recorded under an older vocabulary shows as it was stored. */
export const recommendationName = (value: string) =>
	Object.hasOwn(recommendationNames, value) ? recommendationNames[value as Recommendation] : value;

/** How an enrolment on a programme ends. */
export const enrolmentEndingNames = {
	passed: 'Passed',
	'not-passed': 'Not passed',
	withdrawn: 'Withdrawn',
	left: 'Left'
} as const;
export type EnrolmentEnding = keyof typeof enrolmentEndingNames;
export const enrolmentEndings = Object.keys(enrolmentEndingNames) as EnrolmentEnding[];

/** A review by its title, in a sentence: "the 3-month review", "the final review". */
export const theReview = (title: string) => `the ${title.charAt(0).toLowerCase()}${title.slice(1)}`;
