// What the audit voices' forms and pages call things: shared by the form a respondent fills in
// and the audit that shows their answer. Plain words, simpler still for a child.

export type Relationship = 'child' | 'parent-carer' | 'worker';

export const voiceRelationshipNames: Record<Relationship, string> = {
	child: 'The child or young person',
	'parent-carer': 'A parent or carer',
	worker: 'The worker'
};

/** The scale from 5 (best) to 1, as each respondent reads it. */
export const ratingNames: Record<'child' | 'adult', Record<number, string>> = {
	child: { 5: 'Very happy', 4: 'Happy', 3: 'Okay', 2: 'Sad', 1: 'Very sad' },
	adult: { 5: 'Very good', 4: 'Good', 3: 'Neither good nor bad', 2: 'Poor', 1: 'Very poor' }
};

export const scaleOf = (relationship: Relationship) =>
	relationship === 'child' ? 'child' : 'adult';

/** The form's three questions, by relationship. */
export const voiceQuestions: Record<
	Relationship,
	{ rating: string; helped: string; better: string }
> = {
	child: {
		rating: 'How do you feel about the help you get?',
		helped: 'What is good?',
		better: 'What would make things better?'
	},
	'parent-carer': {
		rating: 'Overall, how has the help from children’s social work been for your family?',
		helped: 'What has helped?',
		better: 'What could have been better?'
	},
	worker: {
		rating: 'Overall, how well has the work helped the child?',
		helped: 'What has helped the work?',
		better: 'What got in the way, or could be better?'
	}
};

/** A rating as a person reads it: "Good (4 out of 5)". */
export const ratingText = (relationship: Relationship, rating: number | null) =>
	rating ? `${ratingNames[scaleOf(relationship)][rating]} (${rating} out of 5)` : 'Not given';
