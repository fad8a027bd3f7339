import { describe, expect, it } from 'vitest';
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
