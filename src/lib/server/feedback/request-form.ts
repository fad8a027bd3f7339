import { z } from 'zod';
import { feedbackRelationships, isFamily } from '$lib/feedback/vocabulary';
import { emailField, formValues, type FieldErrors } from '../forms';
import type { FeedbackRequestInput } from './requests';

// The form that asks for feedback: `relationship`, `name` (optional for a child or family),
// `email` and, optionally, `evidence` (the id of the record it is about).

const relationships = Object.keys(feedbackRelationships) as [keyof typeof feedbackRelationships];

const fields = {
	relationship: z.enum(relationships, { error: 'Choose who you are asking for feedback' }),
	name: z.string().trim().max(100, 'The name must be 100 characters or fewer').default(''),
	email: emailField('Enter their email address'),
	evidence: z.string().trim().max(100, 'Choose a record from the list, or none').default('')
};

export type ParsedRequest =
	| { ok: true; data: FeedbackRequestInput; values: Record<string, unknown> }
	| { ok: false; values: Record<string, unknown>; errors: FieldErrors };

/** Reads the form, with a message for each field that is wrong, and everything typed kept. */
export function parseFeedbackRequest(form: FormData): ParsedRequest {
	const values = formValues(form);
	const errors: FieldErrors = {};
	const read = <T>(name: keyof typeof fields, schema: z.ZodType<T>) => {
		const result = schema.safeParse(values[name]);
		if (!result.success) errors[name] = result.error.issues[0].message;
		return result.success ? result.data : undefined;
	};
	const relationship = read('relationship', fields.relationship);
	const name = read('name', fields.name) ?? '';
	const email = read('email', fields.email);
	const evidence = read('evidence', fields.evidence);
	if (relationship && !isFamily(relationship) && !name && !errors.name)
		errors.name = 'Enter their name';
	if (Object.keys(errors).length || !relationship || !email) return { ok: false, values, errors };
	return { ok: true, values, data: { relationship, name, email, evidence: evidence || null } };
}
