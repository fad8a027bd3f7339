import { describe, expect, it } from 'vitest';
import { readCareerStage, readDate, readEmail, readRoles, readSweNumber } from './values';

describe('reading the cells of a staff file', () => {
	it('reads dates as the UK, ISO and spreadsheets write them, and nothing else', () => {
		for (const text of [
			'23/11/2026',
			'23-11-2026',
			'23.11.2026',
			'2026-11-23',
			'23 November 2026',
			'23 Nov 2026',
			'23-nov-2026',
			'46349'
		])
			expect(readDate(text), text).toEqual({ value: '2026-11-23' });
		expect(readDate('03/04/2026')).toEqual({ value: '2026-04-03' });
		expect(readDate('29/02/2028')).toEqual({ value: '2028-02-29' });
		for (const text of ['31/02/2026', '2026-13-01', '11/23/2026', 'soon', '23 Nowember 2026', '0'])
			expect(readDate(text), text).toEqual({ error: expect.stringContaining('is not a date') });
		expect(readDate('23/11/26')).toEqual({ error: expect.stringContaining('year in full') });
	});

	it('reads roles by key or name, separated by semicolons or bars', () => {
		expect(readRoles('Supervisor; practitioner')).toEqual({
			value: ['practitioner', 'supervisor']
		});
		expect(readRoles('psw|Administrator|psw')).toEqual({ value: ['psw', 'admin'] });
		expect(readRoles('principal  social worker')).toEqual({ value: ['psw'] });
		expect(readRoles('practitioner, supervisor')).toEqual({
			error: expect.stringContaining('“practitioner, supervisor” is not a role')
		});
		expect(readRoles('manager')).toEqual({ error: expect.stringContaining('“manager”') });
	});

	it('reads career stages, SWE numbers and email addresses', () => {
		expect(readCareerStage('ASYE')).toEqual({ value: 'asye' });
		expect(readCareerStage('Senior social worker')).toEqual({ value: 'senior-social-worker' });
		expect(readCareerStage('NQSW')).toEqual({ error: expect.stringContaining('“NQSW”') });
		expect(readSweNumber('sw 123456')).toEqual({ value: 'SW123456' });
		expect(readSweNumber('123456')).toEqual({ error: expect.stringContaining('like SW123456') });
		expect(readSweNumber('SW123456789')).toHaveProperty('error');
		expect(readEmail('Sam.Okoro@Council.gov.uk')).toEqual({ value: 'sam.okoro@council.gov.uk' });
		expect(readEmail('sam.okoro@')).toEqual({
			error: 'Enter an email address in the correct format, like name@example.gov.uk'
		});
	});
});
