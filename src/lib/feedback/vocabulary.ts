// The words of feedback by link: who may be asked, and the child's picture scale. Shared by the
// server and the pages.

/** Whom a practitioner may ask, as the form offers them. */
export const feedbackRelationships = {
	child: 'A child or young person',
	'parent-carer': 'A parent or carer',
	colleague: 'A colleague',
	'partner-agency': 'Someone from a partner agency',
	'external-assessor': 'An external assessor'
} as const;
export type FeedbackRelationship = keyof typeof feedbackRelationships;

/** The same, as the record and the lists name who gave it: "Feedback from a parent or carer". */
export const feedbackGivers: Record<FeedbackRelationship, string> = {
	child: 'a child or young person',
	'parent-carer': 'a parent or carer',
	colleague: 'a colleague',
	'partner-agency': 'someone from a partner agency',
	'external-assessor': 'an external assessor'
};

/** Who gave it, as the record names them: a colleague by name, never a child or family. */
export const givenBy = (relationship: FeedbackRelationship, name: string | null) =>
	`${feedbackGivers[relationship]}${name ? `, ${name},` : ''}`;

/**
 * Children and families: their name is never put on the record, and it is kept only while the
 * link can be used, to tell requests apart in the practitioner's list.
 */
export const isFamily = (relationship: string) =>
	relationship === 'child' || relationship === 'parent-carer';

/** The evidence type the answer becomes. */
export const feedbackEvidenceType = (relationship: string) =>
	isFamily(relationship) ? 'feedback-child-family' : 'feedback-colleague';

/** A child's answer to "How was it?", each with the word shown under its face. */
export const feedbackScale = {
	'not-good': 'Not good',
	ok: 'OK',
	good: 'Good',
	'really-good': 'Really good'
} as const;
export type FeedbackScale = keyof typeof feedbackScale;

/** Where a request is: waiting for its answer, answered, or no longer answerable. */
export type FeedbackRequestState = 'waiting' | 'answered' | 'expired' | 'withdrawn';

export const feedbackRequestStates: Record<FeedbackRequestState, string> = {
	waiting: 'Waiting',
	answered: 'Answered',
	expired: 'Expired',
	withdrawn: 'Withdrawn'
};

/** The written answers a form may ask for, by their field names. */
export type FeedbackField =
	'wentWell' | 'couldBeBetter' | 'strengths' | 'toDevelop' | 'anythingElse';

export interface FeedbackQuestion {
	name: FeedbackField;
	label: string;
	hint?: string;
}

/**
 * The questions, in order, for whoever answers: short and plain for a child, and for colleagues
 * and agencies also the practitioner's strengths and what to develop.
 */
export function feedbackQuestions(relationship: string): FeedbackQuestion[] {
	if (relationship === 'child')
		return [
			{ name: 'wentWell', label: 'What was good?' },
			{ name: 'couldBeBetter', label: 'What could be better?' },
			{ name: 'anythingElse', label: 'Is there anything else you want to say?' }
		];
	const went = { name: 'wentWell', label: 'What went well?' } as const;
	const better = { name: 'couldBeBetter', label: 'What could have been better?' } as const;
	if (relationship === 'parent-carer')
		return [
			went,
			better,
			{ name: 'anythingElse', label: 'Is there anything else you want to say?' }
		];
	return [
		went,
		better,
		{
			name: 'strengths',
			label: 'What are their strengths?',
			hint: 'What you have seen them do well in their practice'
		},
		{
			name: 'toDevelop',
			label: 'What could they develop?',
			hint: 'The parts of their practice they could work on next'
		},
		{ name: 'anythingElse', label: 'Is there anything else you want to say?' }
	];
}
