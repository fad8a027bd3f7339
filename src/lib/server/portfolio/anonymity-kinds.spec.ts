import { describe, expect, it } from 'vitest';
import { checkAnonymity } from './anonymity';

// The identifier kinds of the second generation, found in prose as people write them, and the
// forms that only look like them left alone.

const found = (text: string) =>
	checkAnonymity([{ name: 'account', label: 'Account', text }]).map((f) => `${f.kind}: ${f.match}`);

describe('National Insurance numbers', () => {
	it.each(['AB 12 34 56 C', 'AB123456C', 'ab123456c', 'JT 00 00 00 A'])('finds %s', (number) => {
		expect(found(`Her NI is ${number}, she said.`)).toEqual([`ni-number: ${number}`]);
	});

	it('leaves prefixes HMRC never issues, wrong suffixes and mixed case alone', () => {
		expect(found('QQ 12 34 56 C, GB123456A, AB123456E, Ab123456C and XAB123456C.')).toEqual([]);
	});
});

describe('family court case numbers', () => {
	it.each(['ZW25C50123', 'LV24P00456', 'LV24 P 00456'])('finds %s', (number) => {
		expect(found(`The case (${number}) was listed.`)).toEqual([`court-case-number: ${number}`]);
	});

	it('leaves a year to come, too few digits and longer codes alone', () => {
		expect(found('ZW99C50123, ZW25C5012 and ZW25C501234 and XZW25C50123.')).toEqual([]);
	});
});

describe('unique pupil numbers', () => {
	it('finds a UPN whose check letter is right, and a temporary one', () => {
		expect(found('UPN R201100018042 and T20110001804V.')).toEqual([
			'upn: R201100018042',
			'upn: T20110001804V'
		]);
	});

	it('leaves one whose check letter is wrong alone', () => {
		expect(found('UPN A201100018042 and R201100018043.')).toEqual([]);
	});
});

describe('case records’ numbers', () => {
	it.each([
		['Mosaic ID 1234567', '1234567'],
		['mosaic no. 654321', '654321'],
		['LCS ID: 789012', '789012'],
		['Liquidlogic ref 4567890', '4567890'],
		['Eclipse person ID 998877', '998877'],
		['EHM number 123456', '123456'],
		['Mosaic 1234567', '1234567'],
		['child ID: 123456', '123456'],
		['case ref CR-12345', 'CR-12345']
	])('finds %s', (text, number) => {
		expect(found(`On the system: ${text}.`)).toEqual([`case-system-id: ${number}`]);
	});

	it('leaves the systems’ names, years and short numbers alone', () => {
		expect(
			found('We moved to Mosaic in 2019; Mosaic 2019 was slow; LCS training, case 12.')
		).toEqual([]);
	});
});

describe('social media accounts', () => {
	it.each([
		['@kai_smith07', '@kai_smith07'],
		['instagram.com/kai.smith', 'instagram.com/kai.smith'],
		['https://www.tiktok.com/@kaismith', 'https://www.tiktok.com/@kaismith'],
		['facebook.com/kai.smith.9', 'facebook.com/kai.smith.9'],
		['Snapchat: kaismith07', 'kaismith07'],
		['her TikTok username is kai.s', 'kai.s']
	])('finds %s', (text, match) => {
		expect(found(`She uses ${text} daily.`)).toEqual([`social-media: ${match}`]);
	});

	it('finds an email address as one, not as a handle', () => {
		expect(found('Write to kai@example.org.')).toEqual(['email: kai@example.org']);
	});

	it('leaves at-signs, apps and links that are not accounts alone', () => {
		expect(
			found('Meet @ 3pm; scores @10; her Snapchat is private; see nspcc.org.uk/help.')
		).toEqual([]);
	});
});

describe('vehicle registrations', () => {
	it.each(['AB21 CDE', 'AB21CDE', 'LN71 XYZ'])('finds the current format anywhere: %s', (plate) => {
		expect(found(`A silver ${plate} was outside.`)).toEqual([`vehicle-registration: ${plate}`]);
	});

	it('finds older plates after a word about a vehicle', () => {
		expect(found('His car reg is A123 BCD; the van (ABC 123D) too.')).toEqual([
			'vehicle-registration: A123 BCD',
			'vehicle-registration: ABC 123D'
		]);
	});

	it('leaves prose that has an old plate’s shape, and plates never issued, alone', () => {
		expect(found('Y10 SEN pupils; S47 CIN work; AB00 CDE; AB21 CIE; IB21 CDE.')).toEqual([]);
		expect(found('His car is an O123 BCD.')).toEqual([]);
	});
});

describe('local schools and settings', () => {
	it('finds the settings listed in content, in any case and spacing', () => {
		expect(found('She moved from Hillview  primary school to Larkrise Nursery.')).toEqual([
			'local-setting: Hillview  primary school',
			'local-setting: Larkrise Nursery'
		]);
		expect(found("At St Anne’s Junior School and at St Anne's Juniors.")).toEqual([
			'local-setting: St Anne’s Junior School',
			"local-setting: St Anne's Juniors"
		]);
	});

	it('leaves schools not on the list, and words that start a listed one, alone', () => {
		expect(found('The Virtual School, a primary school, Hillview and the Riverside walk.')).toEqual(
			[]
		);
	});
});
