import { z } from 'zod';
import type { Db } from '../db';
import { dateOnly } from '../db/time';
import { FieldError } from '../errors';
import { findPersonByEmail } from '../people/users';
import { enrolmentProgramme, programmeDefinition, programmeDefinitions } from '.';
import { enrolmentAssessor } from './assessor';
import { enrol } from './enrol';
import type { EnrolmentJson, FieldErrorsJson } from './enrolment-json';
import { activeEnrolmentOf, enrolmentsOf, type Enrolment } from './enrolments';

// Enrolments as JSON, for HR systems and scripts (docs/api.md): the request that enrols
// someone, and the shape both routes answer with.

/** A `YYYY-MM-DD` date as it reads back, or null for text that is not one (zod checks on). */
const dateOnlyOrNull = (text: string) => {
	const date = new Date(`${text}T00:00:00Z`);
	return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
};

const startMessage = 'Give the start date as YYYY-MM-DD, like 2026-12-01';
const fteMessage = 'Give working hours as a fraction of full time from 0.1 to 1, like 0.6';

export const enrolmentRequest = z.object({
	person: z.email({ error: 'Give the email address of the person to enrol' }),
	programme: z
		.string({ error: 'Give the programme, like asye' })
		.refine((id) => programmeDefinition(id) !== undefined, {
			error: () =>
				`There is no such programme: give one of ${programmeDefinitions()
					.map((p) => p.id)
					.join(', ')}`
		}),
	start: z
		.string({ error: startMessage })
		.regex(/^\d{4}-\d{2}-\d{2}$/, startMessage)
		.refine((d) => dateOnlyOrNull(d) === d, {
			error: 'The start date must be a real date'
		}),
	// Whole percentages only, as people set them in the pages.
	fte: z
		.number({ error: fteMessage })
		.min(0.1, fteMessage)
		.max(1, fteMessage)
		.refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, {
			error: 'Give working hours to at most two decimal places, like 0.6 or 0.75'
		}),
	assessor: z.email({ error: 'Give the email address of the assessor' })
});

export type ApiError = FieldErrorsJson['errors'][number];

/** A body that is not a JSON object, such as an array or no JSON at all. */
export const notAnObject: ApiError = {
	field: 'body',
	message: 'Send the enrolment as a JSON object'
};

/** Why the enrolment API refuses someone signed in, as it says it. */
export const enrolmentApiRefusals = {
	notAllowed: 'Enrolments are for administrators and principal social workers.',
	notEnrolled: 'This person is not enrolled on a programme.'
} as const;

/** The request's field for a field of the domain's. */
const requestField: Record<string, string> = {
	personId: 'person',
	programme: 'programme',
	startsOn: 'start',
	ftePercent: 'fte',
	assessorId: 'assessor'
};

/** What a request may be refused with: 400 with a message per field, or 409 when already enrolled. */
export interface EnrolmentRefusal {
	status: 400 | 409;
	errors: ApiError[];
}

/** Every problem with a request body, by the request's field names. */
export function requestErrors(body: unknown): ApiError[] | z.infer<typeof enrolmentRequest> {
	const parsed = enrolmentRequest.safeParse(body);
	if (parsed.success) return parsed.data;
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return [notAnObject];
	const seen = new Set<string>();
	return parsed.error.issues.flatMap((issue) => {
		const field = String(issue.path[0] ?? 'body');
		if (seen.has(field)) return [];
		seen.add(field);
		return [{ field, message: issue.message }];
	});
}

/**
 * Enrols someone from a request body (already parsed as JSON): the enrolment, or the refusal
 * the API answers with. The domain's refusal (a `FieldError`) is named by the request's field.
 */
export async function enrolFromRequest(
	db: Db,
	actorId: string,
	body: unknown
): Promise<{ enrolment: EnrolmentJson } | EnrolmentRefusal> {
	const request = requestErrors(body);
	if (Array.isArray(request)) return { status: 400, errors: request };
	const [person, assessor] = await Promise.all([
		findPersonByEmail(db, request.person.toLowerCase()),
		findPersonByEmail(db, request.assessor.toLowerCase())
	]);
	const missing = [
		!person && { field: 'person', message: 'There is nobody with this email address' },
		!assessor && { field: 'assessor', message: 'There is nobody with this email address' }
	].filter((e): e is ApiError => Boolean(e));
	if (missing.length > 0) return { status: 400, errors: missing };
	try {
		const id = await enrol(db, actorId, {
			personId: person!.id,
			programme: request.programme,
			startsOn: request.start,
			ftePercent: Math.round(request.fte * 100),
			assessorId: assessor!.id
		});
		const enrolment = await db
			.selectFrom('enrolments')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		return { enrolment: await enrolmentJson(db, enrolment) };
	} catch (e) {
		if (!(e instanceof FieldError)) throw e;
		const error = { field: requestField[e.field] ?? 'body', message: e.message };
		if (e.field === 'assessorId')
			error.message =
				'They cannot assess: an assessor holds the supervisor or external assessor role';
		return { status: e.status, errors: [error] };
	}
}

/** An enrolment as the API gives it. */
export async function enrolmentJson(
	db: Db,
	enrolment: Enrolment,
	today = dateOnly()
): Promise<EnrolmentJson> {
	const [programme, person, assessor] = await Promise.all([
		enrolmentProgramme(db, enrolment, today),
		db
			.selectFrom('users')
			.select('email')
			.where('id', '=', enrolment.user_id)
			.executeTakeFirstOrThrow(),
		enrolmentAssessor(db, enrolment, today)
	]);
	return {
		id: enrolment.id,
		person: person.email,
		programme: enrolment.programme,
		start: enrolment.starts_on,
		fte: programme?.fte ?? enrolment.fte_percent / 100,
		assessor: assessor?.email ?? null,
		status: enrolment.status,
		reviews: (programme?.reviews ?? []).map((r) => ({ name: r.title, due: r.dueOn }))
	};
}

/** Someone's programme by their email: the active enrolment, or else the latest; none, undefined. */
export async function programmeByEmail(db: Db, email: string) {
	const person = await findPersonByEmail(db, email.toLowerCase());
	if (!person) return undefined;
	const enrolment =
		(await activeEnrolmentOf(db, person.id)) ?? (await enrolmentsOf(db, person.id))[0];
	return enrolment && enrolmentJson(db, enrolment);
}
