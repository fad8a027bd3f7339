import { z } from 'zod';
import { integerOf, maxTextLength, parseForm, required } from '../forms';

// The forms of the assessment record, read the same wherever they are posted: a development
// plan (by the practitioner or their assessor) and a critical reflection, each with the version
// it was opened with (0 when nothing was written yet).

const planSchema = z.object({
	goals: required('Write the development goals', maxTextLength),
	actions: required('Write the actions, support and timescales', maxTextLength)
});

const reflectionSchema = z.object({
	reflection: required('Write your critical reflection', maxTextLength)
});

export function readPlanForm(form: FormData) {
	return { ...parseForm(planSchema, form), version: integerOf(form, 'version') ?? 0 };
}

export function readReflectionForm(form: FormData) {
	return { ...parseForm(reflectionSchema, form), version: integerOf(form, 'version') ?? 0 };
}
