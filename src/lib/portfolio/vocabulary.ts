// The words of a portfolio record: kinds of evidence, reflective models and their prompts,
// and Social Work England's CPD fields. Shared by the server and the pages.

export const evidenceTypes = {
	observation: 'Direct observation of practice',
	'reflective-account': 'Reflective account',
	supervision: 'Supervision discussion',
	'feedback-child-family': 'Feedback from a child or family',
	'feedback-colleague': 'Feedback from a colleague or partner agency',
	'case-work': 'Case work example',
	'learning-activity': 'Learning activity (training, course, e-learning)',
	reading: 'Reading and research',
	'audit-learning': 'Learning from audit'
} as const;
export type EvidenceType = keyof typeof evidenceTypes;

export interface Prompt {
	key: string;
	label: string;
	hint: string;
}

/** Each reflective model's prompts, asked as separate fields. */
export const reflectiveModels = {
	gibbs: {
		name: 'Gibbs’ reflective cycle',
		prompts: [
			{ key: 'description', label: 'Description', hint: 'What happened?' },
			{ key: 'feelings', label: 'Feelings', hint: 'What were you thinking and feeling?' },
			{
				key: 'evaluation',
				label: 'Evaluation',
				hint: 'What was good and bad about the experience?'
			},
			{
				key: 'analysis',
				label: 'Analysis',
				hint: 'What sense can you make of the situation? What theory or research helps?'
			},
			{ key: 'conclusion', label: 'Conclusion', hint: 'What else could you have done?' },
			{ key: 'actionPlan', label: 'Action plan', hint: 'If it arose again, what would you do?' }
		]
	},
	kolb: {
		name: 'Kolb’s experiential learning cycle',
		prompts: [
			{ key: 'experience', label: 'Concrete experience', hint: 'What did you do?' },
			{
				key: 'observation',
				label: 'Reflective observation',
				hint: 'What did you notice, looking back?'
			},
			{
				key: 'conceptualisation',
				label: 'Abstract conceptualisation',
				hint: 'What did you learn? What ideas or theory explain it?'
			},
			{
				key: 'experimentation',
				label: 'Active experimentation',
				hint: 'What will you try next time?'
			}
		]
	},
	driscoll: {
		name: 'Driscoll’s What? model',
		prompts: [
			{ key: 'what', label: 'What?', hint: 'What happened, and what was your part in it?' },
			{
				key: 'soWhat',
				label: 'So what?',
				hint: 'What does it mean? What did you learn about yourself and your practice?'
			},
			{ key: 'nowWhat', label: 'Now what?', hint: 'What will you do differently, and how?' }
		]
	},
	schon: {
		name: 'Schön: reflection in and on action',
		prompts: [
			{
				key: 'inAction',
				label: 'Reflection in action',
				hint: 'What did you notice and change while it was happening?'
			},
			{
				key: 'onAction',
				label: 'Reflection on action',
				hint: 'Looking back, what would you keep or change, and why?'
			}
		]
	},
	free: {
		name: 'Free text',
		prompts: [{ key: 'text', label: 'Reflection', hint: 'Your reflection, in your own words.' }]
	}
} as const satisfies Record<string, { name: string; prompts: readonly Prompt[] }>;
export type ReflectiveModel = keyof typeof reflectiveModels;

/** Kinds of CPD, as a practitioner records them for Social Work England. */
export const cpdTypes = {
	'formal-learning': 'Course, training or e-learning',
	'practice-learning': 'Learning from practice',
	'reading-research': 'Reading or research',
	'supervision-peer': 'Supervision or peer discussion',
	feedback: 'Feedback from people with lived experience or colleagues',
	other: 'Other'
} as const;
export type CpdType = keyof typeof cpdTypes;

export const evidenceStatuses = {
	draft: 'Draft',
	submitted: 'Submitted',
	accepted: 'Accepted',
	returned: 'Returned'
} as const;
export type EvidenceStatus = keyof typeof evidenceStatuses;

export const selfRatings = {
	'not-yet': 'Not yet',
	developing: 'Developing',
	confident: 'Confident'
} as const;
export type SelfRating = keyof typeof selfRatings;
