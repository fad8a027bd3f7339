import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FieldError } from './errors';
import {
	emailField,
	formValues,
	integerOf,
	isKeyOf,
	listOf,
	maxTextLength,
	orFail,
	parseDateParts,
	parseForm,
	readFormData,
	required,
	textOf,
	textValues
} from './forms';

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

describe('reading hostile forms', () => {
	const hostile = () => {
		const data = new FormData();
		data.append('email', new File(['x'], 'f.txt'));
		data.append('name', 'Sam\0 \uD800Okoro');
		data.append('constructor', 'a');
		data.append('__proto__', 'b');
		data.append('roles', 'a');
		data.append('roles', new File(['y'], 'g.txt'));
		data.append('version', '1e308');
		return data;
	};

	it('treats a file where text was expected as an empty field', () => {
		expect(textOf(hostile(), 'email')).toBe('');
		expect(formValues(hostile()).email).toBe('');
		expect(textValues(hostile())).not.toHaveProperty('email');
		expect(listOf(hostile(), 'roles')).toEqual(['a']);
		const parsed = parseForm(z.object({ email: emailField() }), hostile());
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) {
			expect(parsed.errors.email).toBe('Enter an email address');
			// What goes back to the page is text only: a File cannot be sent to the browser.
			expect(Object.values(parsed.values).every((v) => typeof v === 'string')).toBe(true);
		}
	});

	it('removes NUL characters and replaces lone surrogates', () => {
		expect(textOf(hostile(), 'name')).toBe('Sam \uFFFDOkoro');
		expect(formValues(hostile()).name).toBe('Sam \uFFFDOkoro');
	});

	it('keeps fields named after built-in properties as plain fields', () => {
		const values = formValues(hostile());
		expect(values.constructor).toBe('a');
		expect(Object.getPrototypeOf(values)).toBeNull();
		expect(values.toString).toBeUndefined();
		expect(textValues(new FormData()).valueOf).toBeUndefined();
	});

	it('reads whole numbers only', () => {
		const form = (value: string) => {
			const data = new FormData();
			data.append('version', value);
			return data;
		};
		expect(integerOf(form('3'), 'version')).toBe(3);
		for (const bad of ['NaN', '1.5', '1e308', '99999999999', '-1', '', ' ', '0x10', 'Infinity'])
			expect(integerOf(form(bad), 'version'), bad).toBeUndefined();
		expect(integerOf(hostile(), 'version')).toBeUndefined();
	});

	it('checks membership of a vocabulary with its own keys only', () => {
		const vocabulary = { gibbs: 'Gibbs' };
		expect(isKeyOf(vocabulary, 'gibbs')).toBe(true);
		for (const name of ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty'])
			expect(isKeyOf(vocabulary, name), name).toBe(false);
	});

	it('answers 400 to a body that is not a form', async () => {
		const request = new Request('http://localhost/', {
			method: 'POST',
			headers: { 'content-type': 'multipart/form-data; boundary=x' },
			body: 'not multipart at all'
		});
		await expect(readFormData(request)).rejects.toMatchObject({ status: 400 });
	});

	it('answers 400 to a text longer than any field keeps, and reads one that fits', async () => {
		const posting = (text: string) =>
			new Request('http://localhost/', { method: 'POST', body: form([['reason', text]]) });
		await expect(readFormData(posting('a'.repeat(maxTextLength + 1)))).rejects.toMatchObject({
			status: 400,
			body: { message: expect.stringContaining('longer than 20,000 characters') }
		});
		const fits = await readFormData(posting('é'.repeat(maxTextLength)));
		expect(fits.get('reason')).toHaveLength(maxTextLength);
	});

	it('reads each value of a list once, however often it was sent', () => {
		const ticked = form([
			['roles', 'supervisor'],
			['roles', 'practitioner'],
			['roles', 'supervisor']
		]);
		expect(listOf(ticked, 'roles')).toEqual(['supervisor', 'practitioner']);
		expect(formValues(ticked, ['roles']).roles).toEqual(['supervisor', 'practitioner']);
	});
});

describe('orFail', () => {
	it('is nothing when the change is made', async () => {
		let made = false;
		expect(await orFail({}, async () => void (made = true))).toBeUndefined();
		expect(made).toBe(true);
	});

	it('turns a refusal into the form’s failure, by its field, with what was typed', async () => {
		const refused = await orFail({ terms: 'Typed' }, async () => {
			throw new FieldError('terms', 'There is already an agreement');
		});
		expect(refused).toMatchObject({
			status: 400,
			data: { values: { terms: 'Typed' }, errors: { terms: 'There is already an agreement' } }
		});
	});

	it('shows again what the form needs beside the refusal', async () => {
		const refused = await orFail(
			{ code: '12345' },
			async () => {
				throw new FieldError('code', 'Enter the 6-digit code from your app');
			},
			{ setUp: { key: 'ABC' } }
		);
		expect(refused).toMatchObject({
			status: 400,
			data: {
				values: { code: '12345' },
				errors: { code: expect.any(String) },
				setUp: { key: 'ABC' }
			}
		});
	});

	it('keeps a conflict’s 409', async () => {
		const refused = await orFail({}, async () => {
			throw new FieldError('editor', 'This record was changed in another tab', 409);
		});
		expect(refused).toMatchObject({
			status: 409,
			data: { errors: { editor: expect.any(String) } }
		});
	});

	it('lets anything else through, as a fault rather than a refusal', async () => {
		const fault = new Error('connection lost');
		await expect(
			orFail({}, async () => {
				throw fault;
			})
		).rejects.toBe(fault);
	});
});
