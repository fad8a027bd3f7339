import { z } from 'zod';
import { enrolmentEndings } from '$lib/programme/vocabulary';
import {
	formValues,
	optionalDateParts,
	parseDateParts,
	parseForm,
	required,
	type FieldErrors
} from '../forms';
import { dateOnly } from '../db/time';
import { hoursPercentMessage } from './enrol';

// The forms that enrol someone and change their enrolment: the text fields by schema, the dates
// as GOV.UK date inputs. Field names differ from form to form, as they share one page.

const percent = z
	.string({ error: hoursPercentMessage })
	.trim()
	.regex(/^\d{1,3}$/, hoursPercentMessage)
	.transform(Number)
	.refine((n) => n >= 10 && n <= 100, hoursPercentMessage);

export const enrolmentForms = {
	enrol: {
		schema: z.object({
			programme: required('Choose a programme'),
			ftePercent: percent,
			assessorId: required('Choose an assessor')
		}),
		fields: ['programme', 'startsOn', 'ftePercent', 'assessorId'],
		dates: { startsOn: 'start date' }
	},
	hours: {
		schema: z.object({ hoursPercent: percent }),
		fields: ['hoursFrom', 'hoursPercent'],
		dates: { hoursFrom: 'date the new hours start' }
	},
	pause: {
		schema: z.object({}),
		fields: ['pauseFrom', 'pauseUntil'],
		dates: { pauseFrom: 'first day of the pause' },
		optionalDates: { pauseUntil: 'day back' }
	},
	resume: { schema: z.object({}), fields: ['resumeOn'], dates: { resumeOn: 'day back' } },
	extend: {
		schema: z.object({
			extendMonths: z
				.string()
				.trim()
				.regex(/^\d{1,2}$/, 'Enter the extension in whole months from 1 to 12')
				.transform(Number)
				.refine((n) => n >= 1 && n <= 12, 'Enter the extension in whole months from 1 to 12'),
			extendReason: required('Write why the programme is extended', 500)
		}),
		fields: ['extendMonths', 'extendReason']
	},
	transfer: {
		schema: z.object({ transferTo: required('Choose the new assessor') }),
		fields: ['transferTo', 'transferFrom'],
		dates: { transferFrom: 'date the new assessor starts' }
	},
	end: {
		schema: z.object({
			ending: z.enum(enrolmentEndings, { error: 'Choose how the programme ended' }),
			endNote: z.string().trim().max(500, 'The note must be 500 characters or fewer').default('')
		}),
		fields: ['ending', 'endedOn', 'endNote'],
		dates: { endedOn: 'date it ended' }
	}
} satisfies Record<string, EnrolmentForm>;

interface EnrolmentForm {
	schema: z.ZodType;
	fields: string[];
	dates?: Record<string, string>;
	optionalDates?: Record<string, string>;
}

/**
 * Reads one of the forms: its text by schema and its dates, with every message at once, in
 * the order of the fields on the page. Dates come back as `YYYY-MM-DD`, or null when an
 * optional one is blank.
 */
export function readEnrolmentForm<F extends EnrolmentForm>(spec: F, form: FormData) {
	const parsed = parseForm(spec.schema, form);
	const values = formValues(form);
	const found: FieldErrors = parsed.ok ? {} : parsed.errors;
	const dates: Record<string, string | null> = {};
	const read = (name: string, date: ReturnType<typeof parseDateParts>) => {
		values[name] = date.parts;
		if (date.error) found[name] = date.error;
		else dates[name] = date.value ?? null;
	};
	for (const [name, label] of Object.entries(spec.dates ?? {}))
		read(name, parseDateParts(form, name, label));
	for (const [name, label] of Object.entries(spec.optionalDates ?? {}))
		read(name, optionalDateParts(form, name, label));
	const errors = Object.fromEntries(
		[...spec.fields, 'form'].filter((f) => found[f]).map((f) => [f, found[f]])
	);
	if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false as const, values, errors };
	return { ok: true as const, values, data: parsed.data as z.infer<F['schema']>, dates };
}

/**
 * The supervisor's programme page once had its own hours form, `ftePercent` alone, which set the
 * hours from the start. A post in that shape still works, as a change from today: its percentage
 * is read as `hoursPercent`, and with no date at all, the date is today's.
 */
export function withOlderHoursFields(form: FormData, today = dateOnly()) {
	if (form.has('ftePercent') && !form.has('hoursPercent'))
		form.set('hoursPercent', String(form.get('ftePercent')));
	if (!['day', 'month', 'year'].some((part) => form.has(`hoursFrom-${part}`))) {
		const [year, month, day] = today.split('-').map(Number);
		form.set('hoursFrom-day', String(day));
		form.set('hoursFrom-month', String(month));
		form.set('hoursFrom-year', String(year));
	}
	return form;
}
