import { describe, expect, it } from 'vitest';
import { programmeCalendar } from './calendar';
import type { Programme } from './definition';
import { monthsBetween, pausedSpans, toReal, toWorking } from './working-time';

// The calendar when working hours change, the programme pauses and resumes, or is extended
// after a pause. Every date is written out.

// The ASYE's review points: 3, 6, 9 (optional) and 12 months, the last one final.
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
	reviews: [3, 6, 9, 12].map((month) => ({
		id: month === 12 ? 'final' : `month-${month}`,
		title: month === 12 ? 'Final review' : `${month}-month review`,
		month,
		optional: month === 9,
		final: month === 12
	}))
};
const due = (calendar: ReturnType<typeof programmeCalendar>) =>
	calendar.reviews.map((r) => r.dueOn);
const fourWeeks = { startsOn: '2027-01-04', endsOn: '2027-02-01' };

describe('a pause', () => {
	it('moves every later date by exactly its length, and says so', () => {
		const calendar = programmeCalendar(asye, '2026-09-01', 1, [], { pauses: [fourWeeks] });
		// Full time the dates are 1 December, 1 March, 1 June and 1 September; 28 days paused.
		expect(due(calendar)).toEqual(['2026-12-01', '2027-03-29', '2027-06-29', '2027-09-29']);
		expect(calendar.endsOn).toBe('2027-09-29');
		expect(calendar.reviews[0].why).toEqual([]);
		expect(calendar.reviews[1].why).toEqual([
			'the programme was paused from 4 January 2027, back on 1 February 2027, which moves it 28 days later'
		]);
	});

	it('at 0.6 of full time moves the part-time dates by the same 28 days', () => {
		const pause = { startsOn: '2027-03-01', endsOn: '2027-03-29' };
		const before = programmeCalendar(asye, '2026-12-01', 0.6);
		const after = programmeCalendar(asye, '2026-12-01', 0.6, [], { pauses: [pause] });
		expect(due(before)).toEqual(['2027-05-01', '2027-10-01', '2028-03-01', '2028-08-01']);
		expect(due(after)).toEqual(['2027-05-29', '2027-10-29', '2028-03-29', '2028-08-29']);
		expect(after.reviews[0].why).toEqual([
			'3-month review falls 3 months into the programme at full time; at 0.6 of full time that is 5 months',
			'the programme was paused from 1 March 2027, back on 29 March 2027, which moves it 28 days later'
		]);
	});

	it('not yet resumed counts to today, and the later reviews say so', () => {
		const open = { startsOn: '2027-01-04', endsOn: null };
		const calendar = programmeCalendar(asye, '2026-09-01', 1, [], {
			pauses: [open],
			today: '2027-01-13'
		});
		// 4 to 13 January: 10 days so far.
		expect(due(calendar)).toEqual(['2026-12-01', '2027-03-11', '2027-06-11', '2027-09-11']);
		expect(calendar.reviews[1].why).toEqual([
			'the programme has been paused since 4 January 2027 and has not resumed: counted to today that moves it 10 days later, and a day more each day until it resumes'
		]);
		expect(() => programmeCalendar(asye, '2026-09-01', 1, [], { pauses: [open] })).toThrow();
	});

	it('set to begin later moves nothing yet, and says it will', () => {
		const calendar = programmeCalendar(asye, '2026-09-01', 1, [], {
			pauses: [{ startsOn: '2027-01-04', endsOn: null }],
			today: '2026-12-15'
		});
		expect(due(calendar)).toEqual(['2026-12-01', '2027-03-01', '2027-06-01', '2027-09-01']);
		expect(calendar.reviews[1].why).toEqual([
			'the programme is to be paused from 4 January 2027, which will move it a day later for each day paused'
		]);
	});

	it('once resumed moves the dates by the days it lasted', () => {
		const calendar = programmeCalendar(asye, '2026-09-01', 1, [], {
			pauses: [fourWeeks],
			today: '2027-05-01'
		});
		expect(due(calendar)).toEqual(['2026-12-01', '2027-03-29', '2027-06-29', '2027-09-29']);
	});

	it('two pauses add up', () => {
		const calendar = programmeCalendar(asye, '2026-09-01', 1, [], {
			pauses: [fourWeeks, { startsOn: '2027-04-01', endsOn: '2027-04-08' }]
		});
		expect(due(calendar)).toEqual(['2026-12-01', '2027-03-29', '2027-07-06', '2027-10-06']);
		expect(calendar.reviews[2].why).toHaveLength(2);
	});
});

describe('a change of hours mid-year', () => {
	it('from full time to half time on 1 March 2027 stretches what is left', () => {
		const calendar = programmeCalendar(asye, '2026-09-01', 1, [], {
			hours: [{ fromOn: '2027-03-01', fte: 0.5 }]
		});
		// Six months full time by 1 March; the other six at half time take twelve.
		expect(due(calendar)).toEqual(['2026-12-01', '2027-03-01', '2027-09-01', '2028-03-01']);
		expect(calendar.lengthMonths).toBe(18);
		expect(calendar.reviews[1].why).toEqual([]);
		expect(calendar.reviews[2].why).toEqual([
			'9-month review falls 9 months into the programme at full time; at full time from the start and 0.5 of full time from 1 March 2027 that is 12 months of working time'
		]);
	});

	it('from 0.6 to full time on 1 May 2027 catches up', () => {
		const calendar = programmeCalendar(asye, '2026-09-01', 0.6, [], {
			hours: [{ fromOn: '2027-05-01', fte: 1 }]
		});
		// Eight months at 0.6 is 4.8 full-time months; the rest at full time, 1.2 months = 1 month 6 days.
		expect(due(calendar)).toEqual(['2027-02-01', '2027-06-07', '2027-09-07', '2027-12-07']);
		expect(calendar.reviews[0].why).toEqual([
			'3-month review falls 3 months into the programme at full time; at 0.6 of full time that is 5 months'
		]);
	});

	it('with an extension, adds the extension at the latest hours', () => {
		const calendar = programmeCalendar(
			asye,
			'2026-09-01',
			1,
			[{ months: 2, reason: 'agreed at the final review' }],
			{ hours: [{ fromOn: '2027-03-01', fte: 0.5 }] }
		);
		// Two months at half time is one full-time month: 13 in all, the last 7 at half time.
		expect(calendar.endsOn).toBe('2028-05-01');
	});
});

describe('an extension after a pause', () => {
	it('stretches the dates in proportion, then moves those after the pause by its length', () => {
		const calendar = programmeCalendar(
			asye,
			'2026-09-01',
			1,
			[{ months: 3, reason: 'agreed at the 6-month review' }],
			{ pauses: [fourWeeks] }
		);
		// Extended alone: 24 December, 16 April, 9 August and 1 December; then 28 days for the pause.
		expect(due(calendar)).toEqual(['2026-12-24', '2027-05-14', '2027-09-06', '2027-12-29']);
		expect(calendar.reviews[3].why).toEqual([
			'the programme was extended by 3 months (agreed at the 6-month review), which moves every date in proportion',
			'the programme was paused from 4 January 2027, back on 1 February 2027, which moves it 28 days later'
		]);
	});
});

describe('working time', () => {
	const spans = pausedSpans([fourWeeks], '2027-06-01');
	it('takes the paused days out of a real date, and puts them back', () => {
		expect(toWorking(spans, '2027-01-01')).toBe('2027-01-01');
		expect(toWorking(spans, '2027-01-10')).toBe('2027-01-04');
		expect(toWorking(spans, '2027-03-29')).toBe('2027-03-01');
		expect(toReal(spans, '2027-03-01')).toBe('2027-03-29');
		expect(toReal(spans, '2027-01-03')).toBe('2027-01-03');
		// A date due on the first paused day is due on the day back.
		expect(toReal(spans, '2027-01-04')).toBe('2027-02-01');
	});
	it('counts months between dates as whole calendar months, then days', () => {
		expect(monthsBetween('2026-09-01', '2027-03-01')).toBe(6);
		expect(monthsBetween('2026-01-31', '2026-02-28')).toBe(1);
		expect(monthsBetween('2026-09-01', '2026-09-16')).toBeCloseTo(15 / (365.25 / 12));
	});
});

describe('how far into the programme a date is (full-time months)', () => {
	const earlyCareer: Programme = {
		...asye,
		id: 'early-career',
		months: 24,
		reviews: [3, 6, 12, 18, 24].map((month) => ({
			id: `month-${month}`,
			title: `${month}-month review`,
			month,
			optional: false,
			final: month === 24
		}))
	};

	it('full time: a month of the programme for each calendar month, none before it starts', () => {
		const { monthOn } = programmeCalendar(asye, '2026-09-01');
		expect(monthOn('2026-08-01')).toBe(0);
		expect(monthOn('2026-09-01')).toBe(0);
		expect(monthOn('2026-12-01')).toBe(3);
		expect(monthOn('2027-09-01')).toBe(12);
		// After the end it stays at the end.
		expect(monthOn('2028-01-01')).toBe(12);
	});

	it('at 0.6 of full time: 3 months of the programme by 1 February 2027, all 12 by 1 May 2028', () => {
		const { monthOn } = programmeCalendar(asye, '2026-09-01', 0.6);
		expect(monthOn('2027-02-01')).toBe(3);
		expect(monthOn('2027-09-01')).toBeCloseTo(7.2);
		expect(monthOn('2028-05-01')).toBe(12);
	});

	it('the two-year programme at half time: 12 of its 24 months two years in', () => {
		const { monthOn, endsOn } = programmeCalendar(earlyCareer, '2026-09-01', 0.5);
		expect(monthOn('2028-09-01')).toBe(12);
		expect(endsOn).toBe('2030-09-01');
		expect(monthOn('2030-09-01')).toBe(24);
	});

	it('stands still through a pause', () => {
		const { monthOn } = programmeCalendar(asye, '2026-09-01', 1, [], { pauses: [fourWeeks] });
		const atPause = monthOn('2027-01-04');
		// 4 months and 3 days.
		expect(atPause).toBeCloseTo(4 + 3 / (365.25 / 12));
		expect(monthOn('2027-01-20')).toBe(atPause);
		expect(monthOn('2027-02-01')).toBe(atPause);
		// The 6-month review's date, moved by the 28 days.
		expect(monthOn('2027-03-29')).toBe(6);
	});

	it('a pause not yet resumed stands still until today', () => {
		const { monthOn } = programmeCalendar(asye, '2026-09-01', 1, [], {
			pauses: [{ startsOn: '2027-01-04', endsOn: null }],
			today: '2027-01-13'
		});
		expect(monthOn('2027-01-13')).toBe(monthOn('2027-01-04'));
	});

	it('goes at the new pace after a change of hours', () => {
		const { monthOn } = programmeCalendar(asye, '2026-09-01', 1, [], {
			hours: [{ fromOn: '2027-03-01', fte: 0.5 }]
		});
		expect(monthOn('2027-03-01')).toBe(6);
		// Two calendar months at half time: one month of the programme.
		expect(monthOn('2027-05-01')).toBe(7);
		expect(monthOn('2028-03-01')).toBe(12);
	});

	it('an extension slows it in proportion: 12 months of the programme in 15', () => {
		const { monthOn } = programmeCalendar(asye, '2026-09-01', 1, [
			{ months: 3, reason: 'agreed at the 6-month review' }
		]);
		expect(monthOn('2027-03-01')).toBeCloseTo(6 * (12 / 15));
		expect(monthOn('2027-12-01')).toBe(12);
	});

	it('reaches each review’s month on its due date, whatever moved it', () => {
		const calendar = programmeCalendar(
			earlyCareer,
			'2026-09-01',
			0.8,
			[{ months: 2, reason: 'agreed at the 12-month review' }],
			{ hours: [{ fromOn: '2027-06-01', fte: 0.6 }], pauses: [fourWeeks] }
		);
		for (const [index, review] of calendar.reviews.entries())
			expect(calendar.monthOn(review.dueOn)).toBeCloseTo(earlyCareer.reviews[index].month, 1);
	});
});
