import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../db/time';
import type { Programme } from './definition';
import {
	scheduleSummary,
	sessionStates,
	sessionSummary,
	supervisionCalendar
} from './supervision-calendar';
import { supervisionPlanSchema } from './supervision-plan';

// The plan as the ASYE's content file writes it.
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
	reviews: [{ id: 'final', title: 'Final review', month: 12, optional: false, final: true }],
	supervision: supervisionPlanSchema.parse([
		{ every: '1 week', until: '6 weeks' },
		{ every: '2 weeks', until: '6 months' },
		{ every: '1 month' }
	])
};
const due = (sessions: { dueOn: string }[]) => sessions.map((s) => s.dueOn);

// Full time from Tuesday 1 December 2026: weekly to 12 January (six weeks), fortnightly to
// 1 June (six months), then monthly to the end on 1 December 2027.
const weekly = ['2026-12-08', '2026-12-15', '2026-12-22', '2026-12-29', '2027-01-05', '2027-01-12'];
const fortnightly = [
	'2027-01-26',
	'2027-02-09',
	'2027-02-23',
	'2027-03-09',
	'2027-03-23',
	'2027-04-06',
	'2027-04-20',
	'2027-05-04',
	'2027-05-18',
	'2027-06-01'
];
const monthly = [
	'2027-07-01',
	'2027-08-01',
	'2027-09-01',
	'2027-10-01',
	'2027-11-01',
	'2027-12-01'
];

describe('the supervision calendar', () => {
	it('full time: weekly for six weeks, fortnightly to six months, then monthly to the end', () => {
		const sessions = supervisionCalendar(asye, '2026-12-01');
		expect(due(sessions)).toEqual([...weekly, ...fortnightly, ...monthly]);
		expect(sessions.every((s) => s.dueOn === s.plannedOn)).toBe(true);
		expect(sessions.map((s) => s.number)).toEqual(sessions.map((_, i) => i + 1));
		expect(sessions[0].frequency).toBe('weekly');
		expect(sessions[6].frequency).toBe('fortnightly');
		expect(sessions.at(-1)!.frequency).toBe('monthly');
	});

	it('at 0.6 of full time: the same sessions, spaced out over 20 months', () => {
		const sessions = supervisionCalendar(asye, '2026-12-01', 0.6);
		expect(sessions.map((s) => s.plannedOn)).toEqual([...weekly, ...fortnightly, ...monthly]);
		// A week at full time is 7/30.44 of a month; at 0.6, 0.38 of a month: 12 days. Six weeks
		// are 1 month and 11 days (1.36 months); at 0.6, 2.27 months: 1 February and 8 days.
		expect(due(sessions.slice(0, 6))).toEqual([
			'2026-12-13',
			'2026-12-24',
			'2027-01-06',
			'2027-01-17',
			'2027-01-28',
			'2027-02-09'
		]);
		// Six months at full time are ten at 0.6; twelve are twenty.
		expect(sessions[15].dueOn).toBe('2027-10-01');
		expect(due(sessions.slice(16))).toEqual([
			'2027-11-21',
			'2028-01-11',
			'2028-03-01',
			'2028-04-21',
			'2028-06-11',
			'2028-08-01'
		]);
	});

	it('a pause of four weeks moves every later session four weeks on, and the end', () => {
		const sessions = supervisionCalendar(asye, '2026-12-01', 1, [], {
			pauses: [{ startsOn: '2027-02-01', endsOn: '2027-03-01' }]
		});
		// Before the pause, as at full time; from it, 28 days later.
		expect(due(sessions.slice(0, 7))).toEqual([...weekly, '2027-01-26']);
		expect(due(sessions.slice(7, 10))).toEqual(['2027-03-09', '2027-03-23', '2027-04-06']);
		expect(due(sessions.slice(-2))).toEqual(['2027-11-29', '2027-12-29']);
		expect(sessions).toHaveLength(22);
		// Nothing falls due while paused.
		expect(sessions.some((s) => s.dueOn >= '2027-02-01' && s.dueOn < '2027-03-01')).toBe(false);
	});

	it('a pause not yet resumed moves the later sessions a day for each day to today', () => {
		const sessions = supervisionCalendar(asye, '2026-12-01', 1, [], {
			pauses: [{ startsOn: '2027-02-01', endsOn: null }],
			today: '2027-02-10'
		});
		// Paused 1 to 10 February inclusive: ten days.
		expect(sessions[7].dueOn).toBe('2027-02-19');
	});

	it('half time from 1 June 2027: monthly sessions become every two months', () => {
		const sessions = supervisionCalendar(asye, '2026-12-01', 1, [], {
			hours: [{ fromOn: '2027-06-01', fte: 0.5 }]
		});
		expect(due(sessions.slice(0, 16))).toEqual([...weekly, ...fortnightly]);
		expect(due(sessions.slice(16))).toEqual([
			'2027-08-01',
			'2027-10-01',
			'2027-12-01',
			'2028-02-01',
			'2028-04-01',
			'2028-06-01'
		]);
	});

	it('an extension keeps the monthly sessions monthly, to the new end', () => {
		const sessions = supervisionCalendar(asye, '2026-12-01', 1, [
			{ months: 3, reason: 'time away from practice' }
		]);
		expect(due(sessions.slice(-4))).toEqual([
			'2027-12-01',
			'2028-01-01',
			'2028-02-01',
			'2028-03-01'
		]);
	});

	it('a programme without a plan schedules nothing', () => {
		expect(supervisionCalendar({ ...asye, supervision: undefined }, '2026-12-01')).toEqual([]);
	});
});

describe('which sessions are met', () => {
	const sessions = supervisionCalendar(asye, '2026-12-01').slice(0, 6);
	const held = (...dates: string[]) => dates.map((heldOn) => ({ heldOn }));
	const states = (records: { heldOn: string }[], today: string) =>
		sessionStates(sessions, '2026-12-01', records, today).map((s) => s.state);

	it('a session held a day early or on the day meets it', () => {
		expect(states(held('2026-12-07', '2026-12-15', '2026-12-21'), '2026-12-23')).toEqual([
			'met',
			'met',
			'met',
			'due',
			'upcoming',
			'upcoming'
		]);
	});

	it('a missed session is overdue until a later one is held, which meets the earliest waiting', () => {
		expect(states(held('2026-12-07'), '2026-12-23')).toEqual([
			'met',
			'overdue',
			'overdue',
			'due',
			'upcoming',
			'upcoming'
		]);
		const late = sessionStates(
			sessions,
			'2026-12-01',
			held('2026-12-07', '2026-12-23'),
			'2026-12-23'
		);
		expect(late.map((s) => s.state)).toEqual([
			'met',
			'met',
			'overdue',
			'due',
			'upcoming',
			'upcoming'
		]);
		expect(late[1].metBy).toEqual({ heldOn: '2026-12-23' });
		expect(scheduleSummary(late)).toEqual({
			nextDueOn: '2026-12-22',
			nextState: 'overdue',
			overdue: 1,
			overdueSince: '2026-12-22'
		});
	});

	it('two sessions in one week count once: the second does not count ahead', () => {
		expect(states(held('2026-12-02', '2026-12-04'), '2026-12-09')).toEqual([
			'met',
			'due',
			'upcoming',
			'upcoming',
			'upcoming',
			'upcoming'
		]);
	});

	it('a record from before the programme began meets nothing', () => {
		expect(states(held('2026-11-30'), '2026-12-09')[0]).toBe('overdue');
	});

	it('all met: nothing next, nothing overdue', () => {
		const all = sessionStates(sessions, '2026-12-01', held(...due(sessions)), '2027-02-01');
		expect(scheduleSummary(all)).toEqual({
			nextDueOn: null,
			nextState: null,
			overdue: 0,
			overdueSince: null
		});
	});
});

describe('what a schedule comes to', () => {
	it('from the states or without listing them, for any records on any day', () => {
		const start = '2026-12-01';
		const sessions = supervisionCalendar(asye, start, 0.6);
		// Days from a month before the start to beyond the end, so every state comes up.
		const day = fc.integer({ min: -30, max: 800 }).map((n) => addDays(start, n));
		fc.assert(
			fc.property(fc.array(day, { maxLength: 40 }), day, (dates, today) => {
				const records = dates.map((heldOn) => ({ heldOn }));
				const states = sessionStates(sessions, start, records, today);
				// What the summary means, said another way.
				const overdue = states.filter((s) => s.state === 'overdue');
				const next = states.find((s) => s.state !== 'met');
				const expected = {
					nextDueOn: next?.dueOn ?? null,
					nextState: next?.state ?? null,
					overdue: overdue.length,
					overdueSince: overdue[0]?.dueOn ?? null
				};
				expect(scheduleSummary(states)).toEqual(expected);
				expect(sessionSummary(sessions, start, records, today)).toEqual(expected);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('the plan in content', () => {
	it('refuses a last phase with an end, a phase without one, and phases out of order', () => {
		const problems = (plan: unknown) =>
			supervisionPlanSchema.safeParse(plan).error?.issues.map((i) => i.message) ?? [];
		expect(problems([{ every: '1 week', until: '6 weeks' }])).toEqual([
			'the last phase runs to the end of the programme: leave out its "until"'
		]);
		expect(problems([{ every: '1 week' }, { every: '1 month' }])).toEqual([
			'every phase but the last says how long it lasts, "until"'
		]);
		expect(
			problems([
				{ every: '1 week', until: '2 months' },
				{ every: '2 weeks', until: '6 weeks' },
				{ every: '1 month' }
			])
		).toEqual(['each phase must end after the one before it']);
		expect(problems([{ every: 'weekly' }])[0]).toMatch(/like "1 week"/);
		expect(problems([{ every: '0 weeks' }])[0]).toMatch(/like "1 week"/);
	});
});
