import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime } from './format';

describe('UK date formats', () => {
	it('writes dates as 23 November 2026, in UK time', () => {
		expect(formatDate('2026-11-23')).toBe('23 November 2026');
		expect(formatDate('2026-06-30T23:30:00.000Z')).toBe('1 July 2026'); // BST
		expect(formatTime('2026-11-25T15:42:00.000Z')).toBe('3:42pm');
		expect(formatDateTime('2026-07-01T08:05:00.000Z')).toBe('1 July 2026 at 9:05am');
	});
});
