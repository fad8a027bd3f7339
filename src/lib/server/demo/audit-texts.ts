import type { AreaGrade, Grade } from '$lib/audit/grades';

// The words of the demo audits: findings and views in general terms that name no child or
// family, and what each planned audit is to find.

export const development = [
	{
		text: 'The plan lists services rather than the change needed for the child, and the contingency plan is unclear.',
		outcomes: ['3.3'],
		standards: ['gloucestershire-4']
	},
	{
		text: 'The assessment gathers the history well, but the analysis of what it means for the child is thin.',
		outcomes: ['3.1', '3.2'],
		standards: ['gloucestershire-2']
	},
	{
		text: 'The child’s wishes and feelings are recorded but not evidently acted on in the plan.',
		outcomes: ['2.3'],
		standards: ['gloucestershire-1']
	},
	{
		text: 'Case records are behind and do not show the purpose of visits or the difference made so far.',
		outcomes: ['4.5'],
		standards: ['gloucestershire-5']
	},
	{
		text: 'Supervision records decisions but shows little reflection on the child’s lived experience.',
		outcomes: ['5.1'],
		standards: ['gloucestershire-6']
	},
	{
		text: 'The wider family network has not yet been explored as a source of support or care.',
		outcomes: ['2.5', '4.3'],
		standards: ['gloucestershire-3']
	},
	{
		text: 'Drift in the legal planning was not escalated when the plan stalled.',
		outcomes: ['5.2', '4.4'],
		standards: []
	}
];

export const strengths = [
	{
		text: 'The child was seen alone at every visit and direct work tools were used well.',
		outcomes: ['2.3'],
		standards: ['gloucestershire-1']
	},
	{
		text: 'Relationships with the parents are respectful and honest; they said they feel listened to.',
		outcomes: ['2.4'],
		standards: ['gloucestershire-7']
	},
	{
		text: 'Multi-agency working is strong; the worker challenged a partner agency constructively.',
		outcomes: ['2.6'],
		standards: []
	},
	{
		text: 'The assessment analysis is clear, evidence-based and written so the family can follow it.',
		outcomes: ['3.2'],
		standards: ['gloucestershire-2']
	}
];

export const childViews = [
	'The child said their worker “listens and comes back when they say they will”.',
	'The young person said they did not know what the plan was for, and wanted to be asked first.',
	'The child drew their worker as someone who helps at school; they want more time to play.',
	''
];
export const parentViews = [
	'The parent said the worker is straight with them and they know what needs to change.',
	'The carer felt meetings were about them, not with them, until recently.',
	''
];

/** A small deterministic generator, so the demo is the same on every run. */
export function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface Plan {
	/** Whose practice: a demo email. */
	practitioner: string;
	auditor: string;
	coAuditor?: string;
	monthsAgo: number;
	/** The grade most areas get; one area may fall further. */
	base: Grade;
	/** Area grades to force, by area id. */
	force?: Record<string, AreaGrade>;
	grip?: boolean;
	theme?: string;
	type?: string;
	developments?: number[];
	strengths?: number[];
}

export const at = (day: string, hour = 10) =>
	new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
