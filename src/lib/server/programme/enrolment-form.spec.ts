import { describe, expect, it } from 'vitest';
import { enrolmentForms, readEnrolmentForm, withOlderHoursFields } from './enrolment-form';

const formOf = (fields: Record<string, string>) => {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) form.set(name, value);
	return form;
};
const readHours = (fields: Record<string, string>) =>
	readEnrolmentForm(enrolmentForms.hours, withOlderHoursFields(formOf(fields), '2027-03-01'));

describe('the change of hours form', () => {
	it('reads hours from a date', () => {
		const form = readHours({
			'hoursFrom-day': '1',
			'hoursFrom-month': '4',
			'hoursFrom-year': '2027',
			hoursPercent: '80'
		});
		expect(form).toMatchObject({
			ok: true,
			data: { hoursPercent: 80 },
			dates: { hoursFrom: '2027-04-01' }
		});
	});

	it('reads the older form (ftePercent alone) as a change from today', () => {
		expect(readHours({ ftePercent: '60' })).toMatchObject({
			ok: true,
			data: { hoursPercent: 60 },
			dates: { hoursFrom: '2027-03-01' }
		});
	});

	it('asks for the date when the form sends it blank', () => {
		const form = readHours({
			'hoursFrom-day': '',
			'hoursFrom-month': '',
			'hoursFrom-year': '',
			hoursPercent: '60'
		});
		expect(form).toMatchObject({
			ok: false,
			errors: { hoursFrom: 'Enter the date the new hours start' }
		});
	});
});
