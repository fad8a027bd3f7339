import { z } from 'zod';

// How often a programme's supervision is held, as content (`supervision:` in
// content/programmes/<id>.md): phases at full time, each "every <length>" until a length from
// the start, the last running to the end of the programme.

/** A length of time at full time: weeks, or calendar months. */
export interface Span {
	count: number;
	unit: 'week' | 'month';
}

const span = z
	.string()
	.regex(/^[1-9]\d* (weeks?|months?)$/, 'write a length like "1 week", "2 weeks" or "6 months"')
	.transform((text): Span => ({
		count: Number(text.split(' ')[0]),
		unit: text.includes('week') ? 'week' : 'month'
	}));

/** Roughly how many days a length is, only for checking that phases follow one another. */
const roughDays = (s: Span) => s.count * (s.unit === 'week' ? 7 : 30.44);

export const supervisionPlanSchema = z
	.array(z.object({ every: span, until: span.optional() }))
	.min(1)
	.superRefine((phases, context) => {
		phases.forEach((phase, index) => {
			const last = index === phases.length - 1;
			if (last && phase.until)
				context.addIssue({
					code: 'custom',
					path: [index, 'until'],
					message: 'the last phase runs to the end of the programme: leave out its "until"'
				});
			if (!last && !phase.until)
				context.addIssue({
					code: 'custom',
					path: [index, 'until'],
					message: 'every phase but the last says how long it lasts, "until"'
				});
			const before = phases[index - 1]?.until;
			if (phase.until && before && roughDays(phase.until) <= roughDays(before))
				context.addIssue({
					code: 'custom',
					path: [index, 'until'],
					message: 'each phase must end after the one before it'
				});
		});
	});

export type SupervisionPlan = z.output<typeof supervisionPlanSchema>;

/** How often a phase holds supervision, in words: weekly, fortnightly, monthly, every 3 weeks. */
export function frequencyText({ count, unit }: Span) {
	if (count === 1) return unit === 'week' ? 'weekly' : 'monthly';
	if (count === 2 && unit === 'week') return 'fortnightly';
	return `every ${count} ${unit}s`;
}
