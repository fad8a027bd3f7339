import { fail } from '@sveltejs/kit';
import { z } from 'zod';

export type FieldErrors = Record<string, string>;

export type Parsed<T> =
	{ ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, unknown> };

/** The form as plain values: one string per field, or a list for fields that repeat (checkboxes). */
export function formValues(form: FormData, lists: string[] = []): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const key of new Set(form.keys())) {
		if (lists.includes(key)) values[key] = form.getAll(key).filter((v) => typeof v === 'string');
		else {
			const value = form.get(key);
			values[key] = typeof value === 'string' ? value.trim() : value;
		}
	}
	for (const key of lists) values[key] ??= [];
	return values;
}

/**
 * Parses a form against a schema. On failure, the first message for each field (keyed by the
 * field's name, which is also its id) and the values typed, so the form can be shown again.
 */
export function parseForm<S extends z.ZodType>(
	schema: S,
	form: FormData,
	lists: string[] = []
): Parsed<z.infer<S>> {
	const values = formValues(form, lists);
	const result = schema.safeParse(values);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message;
	}
	// Never send a password back to the browser.
	for (const key of Object.keys(values))
		if (key.toLowerCase().includes('password')) delete values[key];
	return { ok: false, errors, values };
}

/** A required text field with the message GOV.UK would use when it is empty. */
export const required = (message: string, max = 200) =>
	z
		.string({ error: message })
		.trim()
		.min(1, message)
		.max(max, `Must be ${max} characters or fewer`);

export const emailField = (emptyMessage = 'Enter an email address') =>
	required(emptyMessage, 254)
		.toLowerCase()
		.pipe(z.email('Enter an email address in the correct format, like name@example.gov.uk'));

/** Reads `<name>-day`, `-month`, `-year` into `YYYY-MM-DD`, with a message saying what is wrong. */
export function parseDateParts(
	form: FormData,
	name: string,
	label: string
): { value?: string; error?: string; parts: Record<string, string> } {
	const part = (p: string) => String(form.get(`${name}-${p}`) ?? '').trim();
	const parts = { day: part('day'), month: part('month'), year: part('year') };
	if (!parts.day && !parts.month && !parts.year) return { error: `Enter the ${label}`, parts };
	const missing = (['day', 'month', 'year'] as const).filter((p) => !parts[p]);
	if (missing.length)
		return { error: `The ${label} must include a ${missing.join(' and ')}`, parts };
	const [d, m, y] = [Number(parts.day), Number(parts.month), Number(parts.year)];
	const date = new Date(Date.UTC(y, m - 1, d));
	if (
		![d, m, y].every(Number.isInteger) ||
		y < 1900 ||
		y > 2100 ||
		date.getUTCDate() !== d ||
		date.getUTCMonth() !== m - 1
	) {
		return { error: `The ${label} must be a real date`, parts };
	}
	return { value: date.toISOString().slice(0, 10), parts };
}

/** The failure every form action returns: what was typed, and a message per field. */
export const invalid = (values: Record<string, unknown>, errors: FieldErrors, status = 400) =>
	fail(status, { values, errors });

/** An ISO date as the day, month and year a date field shows. */
export function dateParts(iso: string | null | undefined): Record<string, string> {
	if (!iso) return {};
	const [year, month, day] = iso.slice(0, 10).split('-');
	return { day: String(Number(day)), month: String(Number(month)), year };
}

/** A date field that may be left blank: the date, nothing, or a message saying what is wrong. */
export function optionalDateParts(form: FormData, name: string, label: string) {
	const date = parseDateParts(form, name, label);
	const blank = !date.parts.day && !date.parts.month && !date.parts.year;
	return blank ? { parts: date.parts } : date;
}
