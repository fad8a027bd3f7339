import type { IdentifierCheck } from './anonymity-identifiers.ts';

// The checks an identifier's match must pass besides its pattern (identifiers.yaml's `check`):
// check digits and letters, and the letters and numbers a format never uses, so that text
// which only has the shape of an identifier is not reported.

const lettersOf = (value: string) => value.replace(/[^A-Za-z]/g, '');
const oneCase = (value: string) => {
	const letters = lettersOf(value);
	return letters === letters.toUpperCase() || letters === letters.toLowerCase();
};

/** The NHS modulus 11 check: weights 10 to 2 on the first nine digits. */
export function isValidNhsNumber(value: string): boolean {
	const digits = value.replace(/\D/g, '');
	if (digits.length !== 10) return false;
	let sum = 0;
	for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
	const check = 11 - (sum % 11);
	if (check === 10) return false;
	return (check === 11 ? 0 : check) === Number(digits[9]);
}

// HMRC's rules for the prefix: neither letter D, F, I, Q, U or V, the second not O, and not a
// pair HMRC never issues. The suffix is A, B, C or D.
const notIssued = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/** Whether the value is a National Insurance number HMRC could issue, in either case. */
export function isValidNiNumber(value: string): boolean {
	const compact = value.replace(/\s/g, '');
	if (!oneCase(compact)) return false;
	const upper = compact.toUpperCase();
	if (!/^[A-Z]{2}\d{6}[A-D]$/.test(upper)) return false;
	const [first, second] = upper;
	return !/[DFIQUV]/.test(first) && !/[DFIOQUV]/.test(second) && !notIssued.has(upper.slice(0, 2));
}

// The DfE's UPN check letters, by the remainder they stand for: no I, O or S, which look like
// digits.
const upnLetters = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/**
 * The DfE's check for a unique pupil number: the 2nd to 13th characters weighted 2 to 13 (the
 * last, in a temporary UPN a letter, by the letter's place among the check letters), summed,
 * and the remainder after dividing by 23 gives the check letter in first place.
 */
export function isValidUpn(value: string): boolean {
	const upn = value.toUpperCase();
	if (!/^[A-Z]\d{11}[\dA-Z]$/.test(upn)) return false;
	let sum = 0;
	for (let i = 1; i < 13; i++) {
		const c = upn[i];
		const n = /\d/.test(c) ? Number(c) : upnLetters.indexOf(c);
		if (n < 0) return false;
		sum += n * (i + 1);
	}
	return upnLetters[sum % 23] === upn[0];
}

/** The last two digits of this year, or of the given date's. */
const twoDigitYear = (today: Date) => today.getUTCFullYear() % 100;

/** A family court case number's year: its third and fourth characters, not after this year. */
export function isPastCourtYear(value: string, today = new Date()): boolean {
	return Number(value.slice(2, 4)) <= twoDigitYear(today);
}

// The DVLA never issues I or Q in a plate's letters (nor Z in the area code); older plates' year
// letters skip I, O, Q, U and Z.
const areaLetter = /^[A-HJ-PR-Y]$/;
const plateLetters = /^[A-HJ-PR-Z]+$/;
const yearLetter = /^[A-HJ-NPR-TV-Y]$/;

/**
 * Whether the value is a number plate the DVLA could have issued: since 2001, two area letters,
 * an age identifier (02 onwards in March, 51 onwards in September, not yet to come) and three
 * letters; before that, a year letter and up to three digits then three letters ("prefix"), or
 * the other way round ("suffix").
 */
export function isValidVehicleRegistration(value: string, today = new Date()): boolean {
	const plate = value.replace(/\s/g, '');
	const current = /^([A-Z]{2})(\d{2})([A-Z]{3})$/.exec(plate);
	if (current) {
		const [, area, age, letters] = current;
		const n = Number(age);
		const latest = twoDigitYear(today);
		return (
			areaLetter.test(area[0]) &&
			plateLetters.test(area[1]) &&
			area[1] !== 'Z' &&
			plateLetters.test(letters) &&
			((n >= 2 && n <= latest) || (n >= 51 && n <= 50 + latest))
		);
	}
	const prefix = /^([A-Z])\d{1,3}([A-Z]{3})$/.exec(plate);
	if (prefix) return yearLetter.test(prefix[1]) && plateLetters.test(prefix[2]);
	const suffix = /^([A-Z]{3})\d{1,3}([A-Z])$/.exec(plate);
	if (suffix) return plateLetters.test(suffix[1]) && yearLetter.test(suffix[2]);
	return false;
}

/** Each check, on the pattern's match (`m[1]` is a phone number's digits after the 0). */
export const identifierCheck: Record<IdentifierCheck, (m: RegExpMatchArray) => boolean> = {
	'nhs-check-digit': (m) => isValidNhsNumber(m[0]),
	// Ten digits after the 0; a few 01 numbers have nine.
	'phone-digits': (m) => {
		const digits = m[1].replace(/\D/g, '');
		return digits.length === 10 || (digits.length === 9 && digits[0] === '1');
	},
	// Mixed case is usually prose that happens to fit the shape.
	'one-case': (m) => oneCase(m[0]),
	'ni-number': (m) => isValidNiNumber(m[0]),
	upn: (m) => isValidUpn(m[0]),
	'court-year': (m) => isPastCourtYear(m[0]),
	// The older shapes are found after a word about a vehicle, as group 1.
	'vehicle-registration': (m) => isValidVehicleRegistration(m[1] ?? m[0])
};
