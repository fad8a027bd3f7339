import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../db/time';
import { addMonths, programmeMonth } from './month';

describe('programmeMonth', () => {
	it('counts the start date as month 1 and each monthly anniversary as the next month', () => {
		expect(programmeMonth('2026-07-15', '2026-07-15')).toBe(1);
		expect(programmeMonth('2026-07-15', '2026-08-14')).toBe(1);
		expect(programmeMonth('2026-07-15', '2026-08-15')).toBe(2);
		expect(programmeMonth('2026-07-15', '2026-11-25')).toBe(5);
		expect(programmeMonth('2025-12-01', '2026-11-30')).toBe(12);
		expect(programmeMonth('2025-12-01', '2026-12-01')).toBe(13);
	});

	it('is 0 or less before the start', () => {
		expect(programmeMonth('2026-12-01', '2026-11-25')).toBe(0);
	});
});

describe('addMonths', () => {
	it('moves by calendar months and clamps to the end of shorter months', () => {
		expect(addMonths('2026-11-25', -4)).toBe('2026-07-25');
		expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
		expect(addMonths('2026-03-31', -13)).toBe('2025-02-28');
		expect(addMonths('2026-11-25', 14)).toBe('2028-01-25');
	});
});

describe('date arithmetic by numbers', () => {
	// What the calendar says, the slow way: JavaScript's Date.
	const byDate = {
		addDays: (date: string, n: number) =>
			new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10),
		addMonths(date: string, months: number) {
			const [y, m, d] = date.split('-').map(Number);
			const last = new Date(Date.UTC(y, m + months, 0)).getUTCDate();
			return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
		}
	};

	it('agrees with the calendar on every day of ten years, leap days and month ends too', () => {
		for (let n = 0; n < 3653; n++) {
			const date = byDate.addDays('2023-01-01', n);
			expect(addDays('2023-01-01', n)).toBe(date);
			expect(daysBetween('2023-01-01', date)).toBe(n);
			for (const months of [-25, -12, -1, 1, 6, 13])
				expect(addMonths(date, months), `${date} ${months}`).toBe(byDate.addMonths(date, months));
		}
		expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
		expect(addMonths('2023-03-31', 11)).toBe('2024-02-29');
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
	});

	it('refuses what is not a date', () => {
		expect(() => addMonths('soon', 1)).toThrow(RangeError);
		expect(() => addDays('soon', 1)).toThrow(RangeError);
	});
});
