import { describe, expect, it } from 'vitest';
import {
	isPastCourtYear,
	isValidNhsNumber,
	isValidNiNumber,
	isValidUpn,
	isValidVehicleRegistration
} from './anonymity-checks';

// The check letters and digits, and the letters and numbers formats never use, on their own.

describe('NHS numbers', () => {
	it('pass the modulus 11 check digit, and only then', () => {
		expect(isValidNhsNumber('943 476 5919')).toBe(true);
		expect(isValidNhsNumber('943 476 5918')).toBe(false);
		// 1 × 10 + 1 × 2 leaves 1 over: a check digit of 10, which no NHS number has.
		for (const last of '0123456789') expect(isValidNhsNumber(`100 000 001${last}`)).toBe(false);
	});
});

describe('National Insurance numbers', () => {
	it.each(['AB123456C', 'AB 12 34 56 C', 'ab123456c', 'JT 00 00 00 A', 'ZY999999D'])(
		'takes %s',
		(value) => expect(isValidNiNumber(value)).toBe(true)
	);

	it.each([
		['QQ123456C', 'Q is never used (HMRC’s own example)'],
		['DA123456A', 'D is never the first letter'],
		['AF123456A', 'F is never the second letter'],
		['AO123456A', 'O is never the second letter'],
		['UA123456A', 'U is never used'],
		['VA123456A', 'V is never used'],
		['IA123456A', 'I is never used'],
		['GB123456A', 'GB is not issued'],
		['BG123456A', 'BG is not issued'],
		['NK123456A', 'NK is not issued'],
		['KN123456A', 'KN is not issued'],
		['TN123456A', 'TN is not issued'],
		['NT123456A', 'NT is not issued'],
		['ZZ123456A', 'ZZ is not issued'],
		['AB123456E', 'the suffix is A to D'],
		['Ab123456C', 'mixed case is prose'],
		['AB12345C', 'six digits']
	])('refuses %s: %s', (value) => expect(isValidNiNumber(value)).toBe(false));
});

describe('unique pupil numbers', () => {
	// The DfE's worked example: 201 1000 18 042 weights to 176, remainder 15, R.
	it('take the check letter the DfE’s algorithm gives', () => {
		expect(isValidUpn('R201100018042')).toBe(true);
		expect(isValidUpn('r201100018042')).toBe(true);
	});

	it('count a temporary UPN’s last letter by its place among the check letters', () => {
		// V is 18: the sum is 384, remainder 16, T.
		expect(isValidUpn('T20110001804V')).toBe(true);
		expect(isValidUpn('R20110001804V')).toBe(false);
	});

	it.each([
		['A201100018042', 'another check letter'],
		['R201100018043', 'another last digit'],
		['R20110001804S', 'S is not a check letter'],
		['R20110001804', 'twelve characters']
	])('refuses %s: %s', (value) => expect(isValidUpn(value)).toBe(false));
});

describe('family court case numbers', () => {
	const today = new Date('2026-11-30T12:00:00Z');
	it('have a year that has come', () => {
		expect(isPastCourtYear('ZW25C50123', today)).toBe(true);
		expect(isPastCourtYear('LV26P00456', today)).toBe(true);
		expect(isPastCourtYear('LV27P00456', today)).toBe(false);
		expect(isPastCourtYear('LV99P00456', today)).toBe(false);
	});
});

describe('vehicle registrations', () => {
	const today = new Date('2026-11-30T12:00:00Z');
	const valid = (value: string) => isValidVehicleRegistration(value, today);

	it.each(['AB21 CDE', 'AB21CDE', 'LN02 ABC', 'YX51 ZZZ', 'BD76 XYZ', 'KM26 PLT'])(
		'takes the current format: %s',
		(value) => expect(valid(value)).toBe(true)
	);

	it.each([
		['AB00 CDE', '00 is no age identifier'],
		['AB01 CDE', 'plates began in September 2001, as 51'],
		['AB50 CDE', '50 is no age identifier'],
		['AB27 CDE', 'March 2027 has not come'],
		['AB77 CDE', 'September 2027 has not come'],
		['IB21 CDE', 'I is never an area letter'],
		['QB21 CDE', 'Q is never an area letter'],
		['AZ21 CDE', 'Z is never in the area code'],
		['AB21 CIE', 'I is never used'],
		['AB21 CQE', 'Q is never used']
	])('refuses %s: %s', (value) => expect(valid(value)).toBe(false));

	it('takes prefix plates (A123 BCD) and suffix plates (ABC 123D) with a year letter', () => {
		expect(valid('A123 BCD')).toBe(true);
		expect(valid('Y7 ABC')).toBe(true);
		expect(valid('ABC 123D')).toBe(true);
		expect(valid('ABC 1Y')).toBe(true);
	});

	it('refuses old plates with a letter never used for a year', () => {
		for (const letter of ['I', 'O', 'Q', 'U', 'Z']) {
			expect(valid(`${letter}123 BCD`), `prefix ${letter}`).toBe(false);
			expect(valid(`ABC 123${letter}`), `suffix ${letter}`).toBe(false);
		}
		expect(valid('A123 BID')).toBe(false);
	});
});
