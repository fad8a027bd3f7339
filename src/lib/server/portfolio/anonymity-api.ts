import { z } from 'zod';
import { checkAnonymity } from './anonymity';

// POST /api/v1/anonymity/check: the anonymity check on one text, for the evidence form to warn
// as the person types. `{ "text": "…" }` answers `{ "findings": [...] }`, each finding in the
// checker's own kinds with where it is in the text; a body without a text, or a text too long
// to check at once, is refused by field as the API's other refusals are.

/** The longest text checked at once: ten times the longest field a form keeps. */
export const maxCheckedText = 200_000;

export const checkRequestSchema = z
	.object({
		text: z
			.string()
			.max(maxCheckedText)
			.meta({ description: 'The text to check', examples: ['I visited Jane Smith (DOB 4/5/15).'] })
	})
	.meta({ description: 'The text to check, in a JSON object' });

export const checkAnswerSchema = z
	.object({
		findings: z.array(
			z.object({
				kind: z.string().meta({
					description:
						'What it looks like: `name`, `date-of-birth`, `address`, or a kind from the content, such as `postcode` or `ni-number`',
					examples: ['name']
				}),
				start: z
					.number()
					.int()
					.min(0)
					.meta({ description: 'Where it starts in the text, in UTF-16 code units' }),
				end: z
					.number()
					.int()
					.min(0)
					.meta({ description: 'Where it ends (after its last character)' }),
				match: z.string().meta({ description: 'The text found: `text.slice(start, end)`' }),
				message: z
					.string()
					.meta({ description: 'What it looks like and what to do, for the person' })
			})
		)
	})
	.meta({ description: 'What may identify a child or family, in the order found in the text' });

export type CheckAnswer = z.output<typeof checkAnswerSchema>;

export const checkRefusals = {
	signedOut: 'Sign in to check a text: the check is for the service’s own pages.',
	notAnObject: { field: 'body', message: 'Send a JSON object with the text to check' },
	notText: { field: 'text', message: 'Send the text to check as a string, in "text"' },
	tooLong: {
		field: 'text',
		message: `The text must be ${maxCheckedText.toLocaleString('en-GB')} characters or fewer: check it in parts`
	}
} as const;

/** The answer to a request's body: the findings, or why it was refused. */
export function checkTextBody(
	body: unknown,
	allowedNames: string[]
): { findings: CheckAnswer['findings'] } | { errors: { field: string; message: string }[] } {
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		return { errors: [checkRefusals.notAnObject] };
	const text = (body as { text?: unknown }).text;
	if (typeof text !== 'string') return { errors: [checkRefusals.notText] };
	if (text.length > maxCheckedText) return { errors: [checkRefusals.tooLong] };
	const findings = checkAnonymity([{ name: 'text', label: 'Text', text }], { allowedNames });
	return {
		findings: findings.map(({ kind, start, end, match, message }) => ({
			kind,
			start,
			end,
			match,
			message
		}))
	};
}
