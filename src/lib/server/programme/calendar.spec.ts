import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../db/time';
import { addFractionalMonths, programmeCalendar } from './calendar';
import { expectedSignOffShare, type Programme } from './definition';
import { reviewCounts, reviewStates } from '.';

const asye: Programme = {
	id: 'asye',
	title: 'ASYE',
	months: 12,
	protectedTimePercent: 10,
	observationsRequired: 3,
	required: [],
	plans: [],
	recommendations: ['pass', 'fail', 'extend'],
	signOffTrajectory: [],
	reviews: [
		{ id: 'month-3', title: '3-month review', month: 3, optional: false, final: false },
		{ id: 'month-6', title: '6-month review', month: 6, optional: false, final: false },
		{ id: 'month-9', title: '9-month review', month: 9, optional: true, final: false },
		{ id: 'final', title: 'Final review', month: 12, optional: false, final: true }
	]
};
const due = (calendar: ReturnType<typeof programmeCalendar>) =>
	calendar.reviews.map((r) => r.dueOn);

describe('the reviews in each state', () => {
	const { reviews } = programmeCalendar(asye, '2026-09-01');

	it('a review done is done; one not done is optional, overdue, due within 14 days or upcoming', () => {
		const done = [{ review_id: 'month-3' }];
		const states = reviewStates(reviews, done, '2027-02-20').map((r) => r.state);
		expect(states).toEqual(['done', 'due-soon', 'optional', 'upcoming']);
		expect(reviewStates(reviews, [], '2027-03-02')[1].state).toBe('overdue');
	});

	it('counted without listing them, as many in each state as the list shows, on any day', () => {
		const ids = reviews.map((r) => r.id);
		const day = fc.integer({ min: -30, max: 500 }).map((n) => addDays('2026-09-01', n));
		fc.assert(
			fc.property(fc.subarray(ids), day, (doneIds, today) => {
				const done = doneIds.map((review_id) => ({ review_id }));
				const listed = reviewStates(reviews, done, today);
				const counts = reviewCounts(reviews, done, today);
				for (const state of ['done', 'overdue', 'due-soon', 'upcoming', 'optional'] as const)
					expect(counts[state], state).toBe(listed.filter((r) => r.state === state).length);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('the programme calendar', () => {
	it('an ASYE starting full-time on 1 September 2026', () => {
		const calendar = programmeCalendar(asye, '2026-09-01');
		expect(due(calendar)).toEqual(['2026-12-01', '2027-03-01', '2027-06-01', '2027-09-01']);
		expect(calendar.endsOn).toBe('2027-09-01');
		expect(calendar.reviews.every((r) => r.why.length === 0 && r.dueOn === r.plannedOn)).toBe(true);
	});

	it('an ASYE at 0.6 of full time takes 20 months, every date in proportion', () => {
		const calendar = programmeCalendar(asye, '2026-09-01', 0.6);
		// 3, 6, 9 and 12 months full-time are 5, 10, 15 and 20 months at 0.6.
		expect(due(calendar)).toEqual(['2027-02-01', '2027-07-01', '2027-12-01', '2028-05-01']);
		expect(calendar.lengthMonths).toBe(20);
		expect(calendar.reviews[0].plannedOn).toBe('2026-12-01');
		expect(calendar.reviews[0].why).toEqual([
			'3-month review falls 3 months into the programme at full time; at 0.6 of full time that is 5 months'
		]);
	});

	it('an ASYE extended by three months: 15 months, every date in proportion', () => {
		const calendar = programmeCalendar(asye, '2026-09-01', 1, [
			{ months: 3, reason: 'agreed at the 6-month review' }
		]);
		// 3 x 15/12 = 3.75 months, 6 x 15/12 = 7.5, 9 x 15/12 = 11.25, 12 x 15/12 = 15.
		expect(due(calendar)).toEqual(['2026-12-24', '2027-04-16', '2027-08-09', '2027-12-01']);
		expect(calendar.endsOn).toBe('2027-12-01');
		expect(calendar.reviews[3].why).toEqual([
			'the programme was extended by 3 months (agreed at the 6-month review), which moves every date in proportion'
		]);
	});

	it('refuses working hours that are not a fraction of full time', () => {
		expect(() => programmeCalendar(asye, '2026-09-01', 0)).toThrow();
		expect(() => programmeCalendar(asye, '2026-09-01', 1.2)).toThrow();
	});

	it('adds fractional months as whole months then days', () => {
		expect(addFractionalMonths('2026-01-31', 1)).toBe('2026-02-28');
		expect(addFractionalMonths('2026-09-01', 0.5)).toBe('2026-09-16');
	});
});

describe('programme content', () => {
	it('has the ASYE and the two-year early career programme', async () => {
		const { checkContent } = await import('../content/check');
		const programmes = checkContent().programmes;
		expect(programmes.map((p) => [p.id, p.months, p.reviews.find((r) => r.final)?.month])).toEqual(
			expect.arrayContaining([
				['asye', 12, 12],
				['early-career', 24, 24]
			])
		);
	});
});

describe('the expected sign-off trajectory', () => {
	const withPoints: Programme = {
		...asye,
		signOffTrajectory: [
			{ month: 3, share: 0 },
			{ month: 6, share: 0.1 },
			{ month: 9, share: 0.4 },
			{ month: 12, share: 1 }
		]
	};
	it('runs in straight lines between the points, from none at the start', () => {
		expect(expectedSignOffShare(withPoints, 0)).toBe(0);
		expect(expectedSignOffShare(withPoints, 3)).toBe(0);
		expect(expectedSignOffShare(withPoints, 4.5)).toBeCloseTo(0.05);
		expect(expectedSignOffShare(withPoints, 7.5)).toBeCloseTo(0.25);
		expect(expectedSignOffShare(withPoints, 12)).toBe(1);
		expect(expectedSignOffShare(withPoints, 15)).toBe(1);
	});
	it('is a straight line to all outcomes at the end when the programme gives no points', () => {
		expect(expectedSignOffShare(asye, 6)).toBeCloseTo(0.5);
		expect(expectedSignOffShare(asye, 12)).toBe(1);
	});
});
