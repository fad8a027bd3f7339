import { describe, expect, it } from 'vitest';
import { checkAnonymity, findingKindNames, type CheckedField, type FindingKind } from './anonymity';

const account = (text: string): CheckedField => ({
	name: 'account',
	label: 'Account of the activity',
	text
});

/** The findings in one text, as `kind: match` for short expectations. */
const found = (text: string, allowedNames?: string[]) =>
	checkAnonymity([account(text)], { allowedNames }).map((f) => `${f.kind}: ${f.match}`);

const matchesOf = (text: string, kind: FindingKind) =>
	checkAnonymity([account(text)])
		.filter((f) => f.kind === kind)
		.map((f) => f.match);

describe('checkAnonymity: the acceptance example', () => {
	it('finds the name, the date of birth (the date without "DOB") and the postcode, in order', () => {
		const text = 'Jane Smith, DOB 04/05/2015, GL1 2AB';
		expect(checkAnonymity([account(text)])).toEqual([
			{
				kind: 'name',
				field: 'account',
				label: 'Account of the activity',
				match: 'Jane Smith',
				start: 0,
				end: 10,
				before: '',
				after: ', DOB 04/05/2015, GL1 2AB',
				message:
					'This looks like a person’s name. Use a role or an initial instead, such as ‘the child (A)’ or ‘Mother’.'
			},
			{
				kind: 'date-of-birth',
				field: 'account',
				label: 'Account of the activity',
				match: '04/05/2015',
				start: 16,
				end: 26,
				before: 'Jane Smith, DOB ',
				after: ', GL1 2AB',
				message: 'This looks like a date of birth. Use an age instead, such as ‘aged 9’.'
			},
			{
				kind: 'postcode',
				field: 'account',
				label: 'Account of the activity',
				match: 'GL1 2AB',
				start: 28,
				end: 35,
				before: 'Jane Smith, DOB 04/05/2015, ',
				after: '',
				message: 'This looks like a postcode. Leave out addresses and postcodes.'
			}
		]);
	});
});

describe('checkAnonymity: anonymised professional prose', () => {
	it('finds nothing in a realistic reflective account', () => {
		const text = `On 3 March 2026 I visited the family home with my team manager to review the safety plan. The child (A) showed me his bedroom and talked about school. Mother said she had felt judged by previous workers, so I used Signs of Safety questions to explore what was working well and what worried her. Together we drew a genogram, which helped A name the people who matter to him. I noticed my own anxiety when Mother became upset, and I reflected on this afterwards in supervision using Gibbs' cycle. We agreed to hold a Family Group Conference next month. This visit helped me evidence the PQS and the professional standards set by Social Work England, particularly building relationships and working in partnership.`;
		expect(text.split(/\s+/).length).toBeGreaterThan(110);
		expect(checkAnonymity([account(text)])).toEqual([]);
	});

	it('finds nothing in the vocabulary of the work', () => {
		const text = [
			'My ASYE assessor and I discussed PACE, CAMHS, the PQS, Ofsted, the NHS and Early Help.',
			'The Local Authority, my Team Manager, Child Protection, Kolb, Driscoll and Schön.',
			'On Monday in May we met. Working Together 2023 and the Children Act 1989, Section 47.',
			'Child In Need plan, a Child Arrangements Order, Independent Reviewing Officer.',
			'The Designated Safeguarding Lead, the Virtual School Head and Public Law Outline.',
			'Graded Care Profile 2, Three Houses, Life Story Work, Special Guardianship Order.',
			'I attended 3 Family Court hearings. The 10 Good Practice Standards helped.',
			'Rated Red, Amber and Green. Christmas Eve. A Christian family from India.',
			'Graham Gibbs (1988) and Sarah’s Law, St Mary’s School and Queen Elizabeth Hospital.',
			'The Partner Liaison Officer spoke of the Prophet Muhammad and Queen Elizabeth.',
			'JANE SMITH wrote in capitals.'
		].join(' ');
		expect(found(text)).toEqual([]);
	});

	it('does not take an ordinary word at the start of a sentence for a name', () => {
		expect(
			found('Will the family engage? Mark this as done. Hope helps. Frank talk helps.')
		).toEqual([]);
		expect(found('Will Smith came.')).toEqual(['name: Will Smith']);
		expect(found('Later, Will came with his mother.')).toEqual(['name: Will']);
	});
});

describe('checkAnonymity: dates of birth', () => {
	it.each([
		['DOB 04/05/2015', '04/05/2015'],
		['D.O.B. 4th May 2015', '4th May 2015'],
		['date of birth: 4/5/15', '4/5/15'],
		['Date of birth is 04-05-2015', '04-05-2015'],
		['born on the 4th of May, 2015', '4th of May, 2015'],
		['born in May 2015', 'May 2015'],
		['he was born 2015', '2015'],
		['b. 2015-05-04', '2015-05-04'],
		['04/05/2015 (DOB)', '04/05/2015'],
		['file DOB_04-05-2015', '04-05-2015']
	])('finds %j', (text, match) => {
		expect(found(text)).toEqual([`date-of-birth: ${match}`]);
	});

	it('finds a birthday with a day, but not the year a birthday fell in', () => {
		expect(found('Her birthday is 4 May.')).toEqual(['date-of-birth: 4 May']);
		expect(found('Her birthday in May 2025 was hard.')).toEqual([]);
	});

	it('ignores dates without a cue, and cues without a date', () => {
		expect(
			found('On 3 March 2026 I visited; on 04/05/2025 we met; 12 May was the review.')
		).toEqual([]);
		expect(found('She was born at 32 weeks; DOB unknown; aged 9. Plan B. 2015 went well.')).toEqual(
			[]
		);
	});
});

describe('checkAnonymity: NHS numbers', () => {
	it('finds a number that passes the check digit, however it is grouped', () => {
		expect(matchesOf('It was 943 476 5919.', 'nhs-number')).toEqual(['943 476 5919']);
		expect(matchesOf('It was 943-476-5919.', 'nhs-number')).toEqual(['943-476-5919']);
		expect(matchesOf('It was 9434765919.', 'nhs-number')).toEqual(['9434765919']);
	});

	it('ignores a ten-digit number that fails the check digit, unless it follows "NHS no"', () => {
		expect(found('Reference 943 476 5918 and 9434765918.')).toEqual([]);
		expect(found('NHS no: 943 476 5918')).toEqual(['nhs-number: 943 476 5918']);
		expect(found('Her NHS number is 123 456 7890.')).toEqual(['nhs-number: 123 456 7890']);
	});

	it('reports a number after "NHS number" once, as an NHS number, even if it looks like a phone', () => {
		expect(found('NHS number 0151 496 0000')).toEqual(['nhs-number: 0151 496 0000']);
	});
});

describe('checkAnonymity: phone numbers and email addresses', () => {
	it.each([
		'07700 900123',
		'07700900123',
		'+44 7700 900123',
		'0044 7700 900123',
		'01452 123456',
		'(0151) 496 0000',
		'020 7946 0000',
		'+44 (0)20 7946 0000',
		'0300 123 1234'
	])('finds %s', (number) => {
		expect(found(`Call ${number} after 5pm.`)).toEqual([`phone: ${number}`]);
	});

	it('ignores numbers that are not UK phone numbers', () => {
		expect(
			found('Scores 1 2 3 4 5 6 7 8 9; 0123 4; on 04/05/2025; 12345678; 077009001234')
		).toEqual([]);
	});

	it('finds an email address, and reports a name inside it once, as the address', () => {
		expect(found('Email jane.smith@example.org or Jane.Smith@nhs.net today.')).toEqual([
			'email: jane.smith@example.org',
			'email: Jane.Smith@nhs.net'
		]);
	});
});

describe('checkAnonymity: postcodes and addresses', () => {
	it.each(['GL1 2AB', 'gl12ab', 'SW1A 1AA', 'M1 1AE', 'sw1a1aa'])('finds %s', (postcode) => {
		expect(found(`They moved to ${postcode} last year.`)).toEqual([`postcode: ${postcode}`]);
	});

	it('ignores postcode shapes inside longer words and mixed-case prose', () => {
		expect(found('Codes XGL1 2ABX and ABCM1 1AE; Y10 2nd half term; SE1 7th floor.')).toEqual([]);
	});

	it('finds street addresses, with a flat number, and a postcode after them separately', () => {
		expect(found('They live at 12 Acacia Avenue, GL1 2AB.')).toEqual([
			'address: 12 Acacia Avenue',
			'postcode: GL1 2AB'
		]);
		expect(found('Flat 3, 27 Mill Lane')).toEqual(['address: Flat 3, 27 Mill Lane']);
		expect(found('at 4a St John’s Road.')).toEqual(['address: 4a St John’s Road']);
	});

	it('needs a street suffix, so numbered phrases are not addresses', () => {
		expect(found('The 10 Good Practice Standards and 3 Family Court hearings.')).toEqual([]);
	});
});

describe('checkAnonymity: names', () => {
	it('finds a title and a name', () => {
		expect(found('Mrs Patel said that Dr. Khan and Mr J. Smith had visited Mrs White.')).toEqual([
			'name: Mrs Patel',
			'name: Dr. Khan',
			'name: Mr J. Smith',
			'name: Mrs White'
		]);
		expect(found('Mr and Mrs Patel came.')).toEqual(['name: Mrs Patel']);
	});

	it('finds a capitalised word after a family role or "called", not the role', () => {
		expect(found('I met her son Kai at school.')).toEqual(['name: Kai']);
		expect(found('a child called Ruby; her daughter, Aisha, said; uncle Ray')).toEqual([
			'name: Ruby',
			'name: Aisha',
			'name: Ray'
		]);
		expect(found('Mother said; her mother Polish-speaking; his father (B) came.')).toEqual([]);
	});

	it('finds a listed first name with a surname, or alone mid-sentence', () => {
		expect(found('I spoke with Jane about her worries.')).toEqual(['name: Jane']);
		expect(found('I saw Kayden O’Brien and Lily-Mae Smith-Jones.')).toEqual([
			'name: Kayden O’Brien',
			'name: Lily-Mae Smith-Jones'
		]);
		expect(found('Zainab’s school called.')).toEqual(['name: Zainab']);
		expect(found('Mrs Jane Smith came.')).toEqual(['name: Mrs Jane Smith']);
		expect(found('Leon was upset. Dad, Darren, was not there.')).toEqual([
			'name: Leon',
			'name: Darren'
		]);
	});

	it('skips places and institutions named after people', () => {
		expect(
			found('At John Radcliffe Hospital, Ronald McDonald House and Alexandra Park; Clare’s Law.')
		).toEqual([]);
		expect(found('I met Jane Hall near Jane’s school.')).toEqual(['name: Jane Hall', 'name: Jane']);
	});

	it('skips allowed names, whole words and any case, but not other names with them', () => {
		const text = 'My supervisor Sam Okoro and Mr Okoro, with Sam Smith and Samantha.';
		expect(found(text)).toEqual([
			'name: Sam Okoro',
			'name: Mr Okoro',
			'name: Sam Smith',
			'name: Samantha'
		]);
		expect(found(text, ['sam okoro'])).toEqual(['name: Sam Smith', 'name: Samantha']);
		expect(found('I asked Chloe O’Brien.', ["Chloe O'Brien"])).toEqual([]);
	});

	it('treats underscores, hyphens, dots and capitals in file names as word breaks', () => {
		const file = {
			name: 'file:Jane_Smith_assessment.pdf',
			label: 'File name',
			text: 'Jane_Smith_assessment.pdf'
		};
		expect(checkAnonymity([file])).toMatchObject([
			{
				kind: 'name',
				field: 'file:Jane_Smith_assessment.pdf',
				label: 'File name',
				match: 'Jane_Smith',
				start: 0,
				end: 10,
				before: '',
				after: '_assessment.pdf'
			}
		]);
		const fileNamed = (text: string) =>
			checkAnonymity([{ name: `file:${text}`, label: 'File name', text }]).map((f) => f.match);
		expect(fileNamed('visit-notes-Kai-Smith.docx')).toEqual(['Kai-Smith']);
		expect(fileNamed('KaiSmithFinalReport.pdf')).toEqual(['KaiSmith']);
		expect(fileNamed('visit-plan.txt')).toEqual([]);
		// The same text outside a file name: an underscore does not join two words of a name.
		expect(found('Jane_Smith_assessment.pdf')).toEqual(['name: Jane']);
	});
});

describe('checkAnonymity: findings together', () => {
	it('orders findings by field, then by position, and keeps each field’s label', () => {
		const findings = checkAnonymity([
			{ name: 'title', label: 'Title', text: 'Visit to GL1 2AB' },
			{ name: 'account', label: 'Account', text: 'Call 07700 900123 or ask Jane.' },
			{ name: 'file:Kai.pdf', label: 'File name', text: 'Kai.pdf' }
		]);
		expect(findings.map((f) => [f.field, f.label, f.kind, f.match])).toEqual([
			['title', 'Title', 'postcode', 'GL1 2AB'],
			['account', 'Account', 'phone', '07700 900123'],
			['account', 'Account', 'name', 'Jane'],
			['file:Kai.pdf', 'File name', 'name', 'Kai']
		]);
	});

	it('shows context cut at a word, with an ellipsis where it is cut', () => {
		const text =
			'During the visit I noticed that the younger sibling was very quiet, and later I spoke with Jane about what had happened at the weekend before the review meeting.';
		const [finding] = checkAnonymity([account(text)]);
		expect(finding.match).toBe('Jane');
		expect(finding.before).toBe('…was very quiet, and later I spoke with ');
		expect(finding.after).toBe(' about what had happened at the weekend…');

		const midWord = checkAnonymity([
			account(
				'Unquestionably, extraordinarily understanding words came from Jane afterwards, notwithstanding extraordinarily difficult days.'
			)
		])[0];
		expect(midWord.before).toBe('…understanding words came from ');
		expect(midWord.after).toBe(' afterwards, notwithstanding…');
	});

	it('gives offsets that slice to the match, and a message and kind name for every kind', () => {
		const text = `Notes: Mrs Patel (NHS no 943 476 5919), DOB 4 May 2015, of Flat 3, 27 Mill Lane, GL1 2AB.
Her son Kai (born in June 2016) and Jane Smith; call 07700 900123 or (0151) 496 0000, or email kai.parent@example.org.
NI number AB 12 34 56 C; case ZW25C50123; UPN R201100018042; Mosaic ID 1234567; @kai_s07 on
Snapchat; car AB21 CDE; Kai goes to Hillview Primary School.`;
		const findings = checkAnonymity([account(text)]);
		expect(findings.map((f) => `${f.kind}: ${f.match}`)).toEqual([
			'name: Mrs Patel',
			'nhs-number: 943 476 5919',
			'date-of-birth: 4 May 2015',
			'address: Flat 3, 27 Mill Lane',
			'postcode: GL1 2AB',
			'name: Kai',
			'date-of-birth: June 2016',
			'name: Jane Smith',
			'phone: 07700 900123',
			'phone: (0151) 496 0000',
			'email: kai.parent@example.org',
			'ni-number: AB 12 34 56 C',
			'court-case-number: ZW25C50123',
			'upn: R201100018042',
			'case-system-id: 1234567',
			'social-media: @kai_s07',
			'vehicle-registration: AB21 CDE',
			'name: Kai',
			'local-setting: Hillview Primary School'
		]);
		for (const f of findings) {
			expect(text.slice(f.start, f.end)).toBe(f.match);
			expect(f.message).toMatch(/^This looks like an? /);
			expect(findingKindNames[f.kind]).toBeTruthy();
		}
		expect(new Set(findings.map((f) => f.kind)).size).toBe(Object.keys(findingKindNames).length);
		expect(findingKindNames['nhs-number']).toBe('NHS number');
	});

	it('finds nothing in an empty field', () => {
		expect(checkAnonymity([account('')])).toEqual([]);
		expect(checkAnonymity([])).toEqual([]);
	});
});
