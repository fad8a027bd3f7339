import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { FieldError } from './errors';

export type FieldErrors = Record<string, string>;

export type Parsed<T> =
	{ ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, unknown> };

/**
 * Text as the database may keep it: NUL characters (which PostgreSQL refuses) removed and lone
 * surrogates (half of an emoji, cut) replaced, so the same text saves on every database.
 */
export function cleanText(value: string) {
	return value
		.replaceAll('\0', '')
		.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * One field's text, trimmed: empty when the field is missing or holds a file where text was
 * expected, so every reader of a form sees text or nothing, never `[object File]`.
 */
export function textOf(form: FormData, name: string) {
	const value = form.get(name);
	return typeof value === 'string' ? cleanText(value).trim() : '';
}

/**
 * Every text value of a field that may repeat (checkboxes), files left out, each once: a box
 * cannot be ticked twice, and a value sent twice would be saved twice.
 */
export function listOf(form: FormData, name: string) {
	const texts = form
		.getAll(name)
		.filter((v): v is string => typeof v === 'string')
		.map((v) => cleanText(v));
	return [...new Set(texts)];
}

/**
 * A whole number written as digits only (at most nine, so it fits every database's integer),
 * or undefined: `NaN`, `1.5`, `1e308` and `-1` are not record versions or counts.
 */
export function integerOf(form: FormData, name: string) {
	const text = textOf(form, name);
	return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

/**
 * The form's texts by field name, as typed (untrimmed), without files. It has no prototype, so
 * a field named `constructor` or `__proto__` is just a field.
 */
export function textValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = Object.create(null);
	for (const [key, value] of form.entries())
		if (typeof value === 'string' && key !== '__proto__' && !(key in values))
			values[key] = cleanText(value);
	return values;
}

/** The form as plain values: one string per field, or a list for fields that repeat (checkboxes). */
export function formValues(form: FormData, lists: string[] = []): Record<string, unknown> {
	const values: Record<string, unknown> = Object.create(null);
	for (const [key, text] of Object.entries(textValues(form)))
		if (!lists.includes(key)) values[key] = text.trim();
	for (const key of lists) values[key] = listOf(form, key);
	// A file sent where text was expected counts as the field left empty.
	for (const key of new Set(form.keys()))
		if (!lists.includes(key) && key !== '__proto__') values[key] ??= '';
	return values;
}

/** The longest text a field may hold, about 3,000 words; the evidence form says so by the field. */
export const maxTextLength = 20_000;

/**
 * Reads a posted form. A body that is not a form at all (a broken multipart body, or JSON sent
 * to a form action) is the sender's mistake: a 400 with a message, not a 500. So is a text
 * longer than any field keeps: refused here, so no form keeps a megabyte pasted by mistake.
 */
export async function readFormData(request: Request) {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		error(400, 'The form could not be read. Go back and try again.');
	}
	for (const value of form.values())
		if (typeof value === 'string' && value.length > maxTextLength)
			error(
				400,
				`Nothing was saved: something you entered is longer than ${maxTextLength.toLocaleString('en-GB')} characters. Go back, shorten it and try again.`
			);
	return form;
}

/** Whether a key is one of a vocabulary's own entries (not `toString` or `constructor`). */
export function isKeyOf<T extends object>(
	vocabulary: T,
	key: string
): key is Extract<keyof T, string> {
	return Object.hasOwn(vocabulary, key);
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
	const part = (p: string) => textOf(form, `${name}-${p}`);
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

/**
 * Runs a domain change for a form action. A refusal (`FieldError`) comes back as the form's
 * failure, with what was typed and the message by its field, and anything else the form shows
 * again (`shown`); nothing comes back when the change was made. Anything else thrown is not the
 * person's mistake and propagates (a 500).
 *
 *     const refused = await orFail(values, () => signAgreement(db, …));
 *     if (refused) return refused;
 */
export async function orFail<Shown extends object = Record<never, never>>(
	values: Record<string, unknown>,
	change: () => Promise<unknown>,
	shown?: Shown
) {
	try {
		await change();
	} catch (e) {
		if (!(e instanceof FieldError)) throw e;
		const errors: FieldErrors = { [e.field]: e.message };
		return fail(e.status, { ...(shown as Shown), values, errors });
	}
}
