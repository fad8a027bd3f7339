import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { emailField, parseDateParts, parseForm, required } from './forms';

const form = (entries: [string, string][]) => {
	const data = new FormData();
	for (const [k, v] of entries) data.append(k, v);
	return data;
};

describe('parseForm', () => {
	const schema = z.object({
		name: required('Enter a name'),
		email: emailField(),
		roles: z.array(z.string())
	});

	it('returns the data, trimmed and with lists', () => {
		const result = parseForm(
			schema,
			form([
				['name', ' Sam '],
				['email', 'Sam@Example.GOV.uk'],
				['roles', 'a'],
				['roles', 'b']
			]),
			['roles']
		);
		expect(result).toEqual({
			ok: true,
			data: { name: 'Sam', email: 'sam@example.gov.uk', roles: ['a', 'b'] }
		});
	});

	it('returns one message per field and the values typed, without passwords', () => {
		const result = parseForm(
			schema.extend({ password: required('Enter a password') }),
			form([
				['name', ''],
				['email', 'not-an-email'],
				['password', 'secret']
			]),
			['roles']
		);
		expect(result).toEqual({
			ok: false,
			errors: {
				name: 'Enter a name',
				email: 'Enter an email address in the correct format, like name@example.gov.uk'
			},
			values: { name: '', email: 'not-an-email', roles: [] }
		});
	});
});

describe('parseDateParts', () => {
	it('reads a real date and explains what is wrong with others', () => {
		expect(
			parseDateParts(
				form([
					['d-day', '5'],
					['d-month', '1'],
					['d-year', '2026']
				]),
				'd',
				'start date'
			).value
		).toBe('2026-01-05');
		expect(parseDateParts(form([]), 'd', 'start date').error).toBe('Enter the start date');
		expect(
			parseDateParts(
				form([
					['d-day', '5'],
					['d-year', '2026']
				]),
				'd',
				'start date'
			).error
		).toBe('The start date must include a month');
		expect(
			parseDateParts(
				form([
					['d-day', '31'],
					['d-month', '2'],
					['d-year', '2026']
				]),
				'd',
				'start date'
			).error
		).toBe('The start date must be a real date');
	});
});
