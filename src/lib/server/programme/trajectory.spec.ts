import { describe, expect, it } from 'vitest';
import { programmeCalendar, type CalendarChanges } from './calendar';
import type { Programme } from './definition';
import { trajectory, type SignOffEntry } from './trajectory';

// The ASYE as content has it: none signed off by month 3, a tenth by 6, four tenths by 9, all by 12.
const asye: Programme = {
	id: 'asye',
	title: 'ASYE',
	months: 12,
	protectedTimePercent: 10,
	observationsRequired: 3,
	required: [],
	plans: [],
	recommendations: ['pass', 'fail', 'extend'],
	signOffTrajectory: [
		{ month: 3, share: 0 },
		{ month: 6, share: 0.1 },
		{ month: 9, share: 0.4 },
		{ month: 12, share: 1 }
	],
	reviews: [{ id: 'final', title: 'Final review', month: 12, optional: false, final: true }]
};

function months(
	startsOn: string,
	today: string,
	fte = 1,
	changes: CalendarChanges = {},
	records: { acceptedAt?: string[]; signOffs?: SignOffEntry[] } = {}
) {
	const calendar = programmeCalendar(asye, startsOn, fte, [], { ...changes, today });
	return trajectory({
		programme: asye,
		startsOn,
		endsOn: calendar.endsOn,
		monthOn: calendar.monthOn,
		outcomeCount: 26,
		acceptedAt: records.acceptedAt ?? [],
		signOffs: records.signOffs ?? [],
		today
	});
}

describe('the trajectory, month by month', () => {
	it('a full-time ASYE from 1 September 2026, on 15 November 2026', () => {
		const rows = months('2026-09-01', '2026-11-15', 1, undefined, {
			acceptedAt: [
				'2026-09-10T10:00:00.000Z',
				'2026-10-31T23:00:00.000Z',
				'2026-11-15T09:00:00.000Z'
			],
			signOffs: [
				{ outcomeId: '1.1', action: 'sign-off', at: '2026-10-05T10:00:00.000Z' },
				{ outcomeId: '1.2', action: 'sign-off', at: '2026-10-20T10:00:00.000Z' },
				{ outcomeId: '1.1', action: 'withdraw', at: '2026-11-02T10:00:00.000Z' }
			]
		});
		expect(rows).toHaveLength(12);
		expect(rows.slice(0, 4)).toEqual([
			{ month: 1, endsOn: '2026-09-30', current: false, expected: 0, accepted: 1, signedOff: 0 },
			{ month: 2, endsOn: '2026-10-31', current: false, expected: 0, accepted: 2, signedOff: 2 },
			// So far: today's acceptance counts, the withdrawal too.
			{ month: 3, endsOn: '2026-11-30', current: true, expected: 0, accepted: 3, signedOff: 1 },
			{
				month: 4,
				endsOn: '2026-12-31',
				current: false,
				expected: 0,
				accepted: null,
				signedOff: null
			}
		]);
		// A tenth of 26 by month 6, four tenths by month 9, all 26 by month 12.
		expect(rows.map((r) => r.expected)).toEqual([0, 0, 0, 0, 1, 2, 5, 7, 10, 15, 20, 26]);
		expect(rows[11].endsOn).toBe('2027-08-31');
	});

	it('at half time: 24 months, half as steep', () => {
		const rows = months('2026-09-01', '2026-11-15', 0.5);
		expect(rows).toHaveLength(24);
		// Month 12 of 24 ends on 1 September 2027, six months into the ASYE at full time.
		expect(rows[11]).toMatchObject({ endsOn: '2027-08-31', expected: 2 });
		expect(rows[23]).toMatchObject({ endsOn: '2028-08-31', expected: 26 });
	});

	it('stands still through a pause, and ends later by its length', () => {
		const pause = { startsOn: '2027-03-01', endsOn: '2027-05-01' };
		const rows = months('2026-09-01', '2027-06-15', 1, { pauses: [pause] });
		// Month 6 ends at the pause's start: a tenth; March and April paused, still a tenth.
		expect(rows.slice(5, 9).map((r) => r.expected)).toEqual([2, 2, 2, 5]);
		// 61 days paused: due to end on 1 November 2027, so 14 months, the last to 31 October.
		expect(rows).toHaveLength(14);
		expect(rows[13]).toMatchObject({ endsOn: '2027-10-31', expected: 26 });
		expect(rows[12].expected).toBeLessThan(26);
	});

	it('goes on past the end while the final review is not recorded', () => {
		const rows = months('2026-09-01', '2027-10-20');
		expect(rows).toHaveLength(14);
		expect(rows[13]).toMatchObject({ month: 14, current: true, expected: 26, accepted: 0 });
	});
});
