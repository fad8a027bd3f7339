import { describe, expect, it } from 'vitest';
import {
	formatDate,
	formatDateTime,
	formatMonth,
	formatPeriod,
	formatRelationships,
	formatTime,
	monthOnAxis,
	plural
} from './format';

describe('UK date formats', () => {
	it('writes dates as 23 November 2026, in UK time', () => {
		expect(formatDate('2026-11-23')).toBe('23 November 2026');
		expect(formatDate('2026-06-30T23:30:00.000Z')).toBe('1 July 2026'); // BST
		expect(formatTime('2026-11-25T15:42:00.000Z')).toBe('3:42pm');
		expect(formatDateTime('2026-07-01T08:05:00.000Z')).toBe('1 July 2026 at 9:05am');
		expect(formatTime('2026-04-01T11:00:00.000Z')).toBe('12:00pm');
		expect(formatTime('2026-01-01T00:05:00.000Z')).toBe('12:05am');
	});

	it('writes a date out the same every time it is asked, however many others came between', () => {
		const day = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000);
		const asked = Array.from({ length: 6_000 }, (_, n) => day(n).toISOString().slice(0, 10));
		const first = asked.map(formatDate);
		// Each as a Date too, which is never kept: the two ways agree.
		expect(asked.map((text, n) => formatDate(day(n)))).toEqual(first);
		expect(asked.map(formatDate)).toEqual(first);
		expect(first[0]).toBe('1 January 2020');
		expect(first[5_999]).toBe('4 June 2036');
	});
});

describe('months, periods and counts', () => {
	it('writes months as December 2025, and quarters as the months they span', () => {
		expect(formatMonth('2025-12')).toBe('December 2025');
		expect(formatMonth('2026-01-31')).toBe('January 2026');
		// Every month, as Intl writes it.
		const intl = new Intl.DateTimeFormat('en-GB', {
			month: 'long',
			year: 'numeric',
			timeZone: 'UTC'
		});
		for (let m = 1; m <= 12; m++) {
			const month = `2027-${String(m).padStart(2, '0')}`;
			expect(formatMonth(month)).toBe(intl.format(new Date(`${month}-15T12:00:00Z`)));
		}
		expect(() => formatMonth('2027-13')).toThrow(RangeError);
		expect(formatPeriod('2025-12')).toBe('December 2025');
		expect(formatPeriod('2026-Q1')).toBe('January to March 2026');
		expect(formatPeriod('2026-Q4')).toBe('October to December 2026');
		expect(formatPeriod('All time')).toBe('All time');
		expect(monthOnAxis('2025-12')).toEqual(['Dec', '2025']);
		expect(monthOnAxis('2026-09')).toEqual(['Sep', '2026']);
	});

	it('puts a noun in the plural unless there is exactly one', () => {
		expect(plural(0, 'outcome')).toBe('0 outcomes');
		expect(plural(1, 'outcome')).toBe('1 outcome');
		expect(plural(2, 'person', 'people')).toBe('2 people');
		expect(plural(1, 'person', 'people')).toBe('1 person');
	});
});

describe('relationships in words', () => {
	it('names one, two or three kinds as a list', () => {
		expect(formatRelationships(['assessor'])).toBe('assessor');
		expect(formatRelationships(['line-manager', 'practice-supervisor'])).toBe(
			'line manager and practice supervisor'
		);
		expect(formatRelationships(['line-manager', 'practice-supervisor', 'assessor'])).toBe(
			'line manager, practice supervisor and assessor'
		);
		expect(formatRelationships([])).toBe('');
	});
});
