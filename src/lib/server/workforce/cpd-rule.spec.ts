import { describe, expect, it } from 'vitest';
import { ContentError } from '../content/error';
import {
	cpdShortfall,
	loadCpdRule,
	registrationYear,
	registrationYearNamed,
	reminderDays,
	reminderDue
} from './cpd-rule';
import { testCpdRule } from '../cpd/testing';

const rule = testCpdRule;

describe('the registration year', () => {
	it('ends on 30 November and begins again on 1 December', () => {
		expect(registrationYear(rule, '2026-11-30')).toEqual({
			start: '2025-12-01',
			end: '2026-11-30',
			name: 2026
		});
		expect(registrationYear(rule, '2026-12-01')).toEqual({
			start: '2026-12-01',
			end: '2027-11-30',
			name: 2027
		});
		expect(registrationYear(rule, '2025-12-01').name).toBe(2026);
		expect(registrationYear(rule, '2025-11-30').name).toBe(2025);
		expect(registrationYear(rule, '2026-01-01').name).toBe(2026);
	});

	it('is named by the calendar year it ends in', () => {
		expect(registrationYearNamed(rule, 2026)).toEqual({
			start: '2025-12-01',
			end: '2026-11-30',
			name: 2026
		});
		// A leap year's February is inside the year that ends in it.
		expect(registrationYearNamed(rule, 2028)).toEqual({
			start: '2027-12-01',
			end: '2028-11-30',
			name: 2028
		});
		const calendar = { ...rule, registrationYearStarts: '01-01' };
		expect(registrationYearNamed(calendar, 2026)).toEqual({
			start: '2026-01-01',
			end: '2026-12-31',
			name: 2026
		});
		expect(registrationYear(calendar, '2026-12-31').name).toBe(2026);
	});
});

describe('reminders', () => {
	it('fall on 1 September and 1 November of the year that ends on 30 November', () => {
		expect(reminderDays(rule, registrationYearNamed(rule, 2026))).toEqual({
			first: '2026-09-01',
			second: '2026-11-01'
		});
	});

	it('start on their days, the second only for those short of the rule, and stop with the year', () => {
		expect(reminderDue(rule, '2026-08-31', false)).toBeNull();
		expect(reminderDue(rule, '2026-09-01', true)).toEqual({ kind: 'first', on: '2026-09-01' });
		expect(reminderDue(rule, '2026-10-31', false)).toEqual({ kind: 'first', on: '2026-09-01' });
		expect(reminderDue(rule, '2026-11-01', true)).toEqual({ kind: 'first', on: '2026-09-01' });
		expect(reminderDue(rule, '2026-11-01', false)).toEqual({ kind: 'second', on: '2026-11-01' });
		expect(reminderDue(rule, '2026-11-30', false)).toEqual({ kind: 'second', on: '2026-11-01' });
		// 1 December begins a new year, months from its reminders.
		expect(reminderDue(rule, '2026-12-01', false)).toBeNull();
	});

	it('refuses a reminder day that no year has', () => {
		const file = (day: string) => ({
			'cpd/social-work-england.md': `---\nid: swe\ntitle: SWE\nregistrationYearStarts: '12-01'\nminimumRecords: 2\nminimumPeerReflected: 1\nfirstReminder: '${day}'\n---\n`
		});
		expect(loadCpdRule(file('09-01')).secondReminder).toBe('11-01');
		expect(() => loadCpdRule(file('02-30'))).toThrow(ContentError);
		expect(() => loadCpdRule(file('13-01'))).toThrow(/firstReminder/);
	});
});

describe('what the rule still asks', () => {
	it('counts the records and peer reflections still needed', () => {
		expect(cpdShortfall(rule, { records: 0, peerReflected: 0 })).toEqual({
			records: 2,
			peerReflected: 1,
			met: false
		});
		expect(cpdShortfall(rule, { records: 3, peerReflected: 0 })).toEqual({
			records: 0,
			peerReflected: 1,
			met: false
		});
		expect(cpdShortfall(rule, { records: 2, peerReflected: 1 }).met).toBe(true);
	});
});
