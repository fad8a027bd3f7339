import { describe, expect, it } from 'vitest';
import { readInvitationForm } from './invitation-form';

const today = '2026-11-23';
const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.append(name, value);
	return data;
};
const day = (d: string, m = '11', y = '2026') => ({
	'date-day': d,
	'date-month': m,
	'date-year': y
});

describe('the invitation form', () => {
	it('reads an invitation to someone from outside, the address in lower case', () => {
		const read = readInvitationForm(
			form({
				observer: 'external',
				observerEmail: ' Ama.Owusu@Example.org ',
				observerName: ' Ama Owusu ',
				...day('30'),
				setting: 'Home visit'
			}),
			today
		);
		expect(read.errors).toEqual({});
		expect(read.input).toEqual({
			observer: 'external',
			observerEmail: 'ama.owusu@example.org',
			observerName: 'Ama Owusu',
			plannedOn: '2026-11-30',
			setting: 'Home visit'
		});
	});

	it('asks for an address and a name only where they are needed', () => {
		const assessor = readInvitationForm(
			form({ observer: 'assessor', ...day('23'), setting: 'Home visit' }),
			today
		);
		expect(assessor.input).toMatchObject({ observer: 'assessor', observerEmail: '' });
		expect(
			readInvitationForm(
				form({ observer: 'colleague', ...day('23'), setting: 'Home visit' }),
				today
			).errors
		).toEqual({ observerEmail: 'Enter their email address' });
		expect(
			readInvitationForm(
				form({
					observer: 'external',
					observerEmail: 'nobody',
					...day('23'),
					setting: 'Home visit'
				}),
				today
			).errors
		).toEqual({
			observerEmail: 'Enter an email address in the correct format, like name@example.gov.uk',
			observerName: 'Enter their full name'
		});
	});

	it('takes a day up to 4 weeks back and 6 months ahead, and says which way it is out', () => {
		const on = (d: string, m: string, y = '2026') =>
			readInvitationForm(
				form({ observer: 'assessor', ...day(d, m, y), setting: 'Home visit' }),
				today
			).errors.date;
		expect(on('26', '10')).toBeUndefined();
		expect(on('25', '10')).toBe('The date of the observation must be no more than 4 weeks ago');
		expect(on('25', '5', '2027')).toBeUndefined();
		expect(on('26', '5', '2027')).toBe(
			'The date of the observation must be within the next 6 months'
		);
		expect(on('31', '11')).toBe('The date of the observation must be a real date');
	});

	it('refuses an observer or a setting not on the lists, keeping what was typed', () => {
		const read = readInvitationForm(
			form({ observer: 'toString', ...day('24'), setting: 'A café' }),
			today
		);
		expect(read.input).toBeUndefined();
		expect(read.errors).toEqual({
			observer: 'Choose who will observe you',
			setting: 'Choose where the observation will take place'
		});
		expect(read.values).toMatchObject({ observer: 'toString', setting: 'A café' });
		expect(read.values.date).toEqual({ day: '24', month: '11', year: '2026' });
	});
});
