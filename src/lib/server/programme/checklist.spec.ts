import { describe, expect, it } from 'vitest';
import { assessmentChecklist, type ChecklistCounts, type ChecklistReview } from './checklist';
import type { Programme } from './definition';

// The checklist rule with its cases written out: the ASYE's required items as in its content,
// against records a practitioner might have at a point in the year.

const asye: Pick<Programme, 'required' | 'plans'> = {
	required: [
		{
			kind: 'observations',
			count: 3,
			item: 'direct observation of practice',
			items: 'direct observations of practice'
		},
		{
			kind: 'evidence',
			type: 'feedback-child-family',
			count: 2,
			item: 'piece of feedback from people who use services',
			items: 'pieces of feedback from people who use services'
		},
		{ kind: 'plans' },
		{ kind: 'reflections' }
	],
	plans: [
		{ id: 'initial', title: 'Initial development plan', after: 'start' },
		{ id: 'month-3', title: 'Development plan after the 3-month review', after: 'month-3' },
		{ id: 'month-6', title: 'Development plan after the 6-month review', after: 'month-6' }
	]
};

type State = ChecklistReview['state'];
const reviews = (m3: State, m6: State, m9: State, final: State): ChecklistReview[] => [
	{ id: 'month-3', title: '3-month review', optional: false, state: m3 },
	{ id: 'month-6', title: '6-month review', optional: false, state: m6 },
	{ id: 'month-9', title: '9-month review', optional: true, state: m9 },
	{ id: 'final', title: 'Final review', optional: false, state: final }
];

const nothing: ChecklistCounts = { observations: 0, evidence: {}, plans: {}, reflections: [] };

/** Each item as "requirement: state, status", to read the cases at a glance. */
const lines = (...args: Parameters<typeof assessmentChecklist>) =>
	assessmentChecklist(...args).map((i) => `${i.requirement}: ${i.state}, ${i.status}`);

describe('the assessment checklist', () => {
	it('on the first day: everything missing or not yet due, and the optional review left out', () => {
		expect(lines(asye, reviews('upcoming', 'upcoming', 'optional', 'upcoming'), nothing)).toEqual([
			'3 direct observations of practice: missing, 0 of 3 direct observations of practice',
			'2 pieces of feedback from people who use services: missing, 0 of 2 pieces of feedback from people who use services',
			'Initial development plan: missing, Not written yet',
			'Development plan after the 3-month review: later, Due after the 3-month review',
			'Development plan after the 6-month review: later, Due after the 6-month review',
			'Critical reflection for the 3-month review: later, Due by the 3-month review',
			'Critical reflection for the 6-month review: later, Due by the 6-month review',
			'Critical reflection for the final review: later, Due by the final review'
		]);
	});

	it('in month 5: says how many of each there are, what awaits review, and what is not agreed', () => {
		const counts: ChecklistCounts = {
			observations: 1,
			evidence: { 'feedback-child-family': { accepted: 1, awaiting: 1 } },
			plans: { initial: { agreed: true }, 'month-3': { agreed: false } },
			reflections: ['month-3']
		};
		expect(lines(asye, reviews('done', 'due-soon', 'optional', 'upcoming'), counts)).toEqual([
			'3 direct observations of practice: missing, 1 of 3 direct observations of practice',
			'2 pieces of feedback from people who use services: missing, 1 of 2 pieces of feedback from people who use services; 1 more awaits review',
			'Initial development plan: met, Agreed',
			'Development plan after the 3-month review: missing, Written, not yet agreed',
			'Development plan after the 6-month review: later, Due after the 6-month review',
			'Critical reflection for the 3-month review: met, Written',
			'Critical reflection for the 6-month review: later, Due by the 6-month review',
			'Critical reflection for the final review: later, Due by the final review'
		]);
	});

	it('counts a review overdue without a reflection as missing one, and a plan drafted early as not due', () => {
		const counts: ChecklistCounts = {
			...nothing,
			plans: {
				initial: { agreed: true },
				'month-3': { agreed: true },
				'month-6': { agreed: false }
			}
		};
		const items = lines(asye, reviews('done', 'overdue', 'optional', 'upcoming'), counts);
		expect(items).toContain(
			'Development plan after the 6-month review: later, Due after the 6-month review; written, not yet agreed'
		);
		expect(items).toContain('Critical reflection for the 3-month review: missing, Not written');
		expect(items).toContain('Critical reflection for the 6-month review: missing, Not written');
	});

	it('at the end: every item met, more than required is still met, and an optional review held asks for its reflection', () => {
		const counts: ChecklistCounts = {
			observations: 4,
			evidence: { 'feedback-child-family': { accepted: 2, awaiting: 3 } },
			plans: {
				initial: { agreed: true },
				'month-3': { agreed: true },
				'month-6': { agreed: true }
			},
			reflections: ['month-3', 'month-6', 'final']
		};
		const done = reviews('done', 'done', 'done', 'done');
		expect(lines(asye, done, counts)).toEqual([
			'3 direct observations of practice: met, Done',
			'2 pieces of feedback from people who use services: met, Done',
			'Initial development plan: met, Agreed',
			'Development plan after the 3-month review: met, Agreed',
			'Development plan after the 6-month review: met, Agreed',
			'Critical reflection for the 3-month review: met, Written',
			'Critical reflection for the 6-month review: met, Written',
			'Critical reflection for the 9-month review: missing, Not written',
			'Critical reflection for the final review: met, Written'
		]);
	});

	it('names one of a kind in the singular, and leaves out what the programme does not require', () => {
		const one: Pick<Programme, 'required' | 'plans'> = {
			required: [{ ...asye.required[1], count: 1 } as Programme['required'][number]],
			plans: asye.plans
		};
		expect(
			lines(one, reviews('upcoming', 'upcoming', 'optional', 'upcoming'), {
				...nothing,
				evidence: { 'feedback-child-family': { accepted: 0, awaiting: 2 } }
			})
		).toEqual([
			'1 piece of feedback from people who use services: missing, 0 of 1 piece of feedback from people who use services; 2 more await review'
		]);
	});
});
