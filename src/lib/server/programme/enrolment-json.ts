import { z } from 'zod';
import { enrolmentEndings } from '$lib/programme/vocabulary';

// The JSON shapes of the enrolment API (POST /api/v1/enrolments, GET
// /api/v1/people/<email>/programme): the OpenAPI document publishes them, and the compiler holds
// the answers to them.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const enrolmentJsonSchema = z
	.object({
		id: z.string().meta({ description: 'The enrolment’s id' }),
		person: z
			.string()
			.meta({ description: 'The person’s email', examples: ['new.starter@demo.test'] }),
		programme: z.string().meta({ description: 'The programme’s id', examples: ['asye'] }),
		start: isoDate.meta({ examples: ['2026-12-01'] }),
		fte: z.number().meta({
			description:
				'Working hours today (before the start, at the start) as a fraction of full time',
			examples: [0.6]
		}),
		assessor: z.string().nullable().meta({
			description: 'The assessor’s email: today’s, or before the start the first; null when none'
		}),
		status: z.enum(['active', ...enrolmentEndings]).meta({
			description: 'Active, or how it ended'
		}),
		reviews: z.array(z.object({ name: z.string(), due: isoDate })).meta({
			description:
				'Each review point and its due date, stretched for part-time hours, pauses and extensions'
		})
	})
	.meta({ description: 'An enrolment on a programme, with its review dates' });

export type EnrolmentJson = z.output<typeof enrolmentJsonSchema>;

export const fieldErrorsSchema = z
	.object({
		errors: z
			.array(
				z.object({
					field: z.string().meta({
						description: 'The request’s field, as named in it; `body` for the body as a whole',
						examples: ['start']
					}),
					message: z.string().meta({ description: 'What is wrong, in a sentence for a person' })
				})
			)
			.min(1)
	})
	.meta({ description: 'Why a request was refused, field by field' });

export type FieldErrorsJson = z.output<typeof fieldErrorsSchema>;
