import { z } from 'zod';
import { evidenceTypes } from '../../portfolio/vocabulary.ts';
import { finalRecommendations } from '../../programme/vocabulary.ts';
import { ContentError } from '../content/error.ts';
import { filesUnder, type ContentFiles } from '../content/files.ts';
import { parseMarkdown } from '../content/frontmatter.ts';
import { supervisionPlanSchema } from './supervision-plan.ts';

const slug = z.string().regex(/^[a-z0-9-]+$/);
const words = z.string().min(1);

/**
 * What the moderation panel checks is there, counted from real records: observations of
 * practice, accepted evidence of a type, the development plans agreed, a critical reflection for
 * every review. `item` names one of what is counted and `items` several, for "1 of 2 pieces of
 * feedback from people who use services".
 */
const requiredItem = z.discriminatedUnion('kind', [
	z.strictObject({
		kind: z.literal('observations'),
		count: z.number().int().positive(),
		item: words.default('direct observation of practice'),
		items: words.default('direct observations of practice')
	}),
	z.strictObject({
		kind: z.literal('evidence'),
		type: z.enum(Object.keys(evidenceTypes) as [keyof typeof evidenceTypes]),
		count: z.number().int().positive(),
		item: words,
		items: words
	}),
	z.strictObject({ kind: z.literal('plans') }),
	z.strictObject({ kind: z.literal('reflections') })
]);
export type RequiredItem = z.infer<typeof requiredItem>;

const programmeFields = z.object({
	id: slug,
	title: z.string().min(1),
	months: z.number().int().positive(),
	protectedTimePercent: z.number().min(0).max(100),
	/** The old way of writing `required: [{ kind: observations, count: … }]`; still read. */
	observationsRequired: z.number().int().min(0).optional(),
	required: z.array(requiredItem).optional(),
	/** A development plan for each stage: at the start, or after a review (by its id). */
	plans: z.array(z.strictObject({ id: slug, title: words, after: words })).default([]),
	reviews: z
		.array(
			z.object({
				id: z.string().min(1),
				title: z.string().min(1),
				month: z.number().positive(),
				optional: z.boolean().default(false),
				final: z.boolean().default(false)
			})
		)
		.min(1),
	recommendations: z.array(z.enum(finalRecommendations)).default([...finalRecommendations]),
	/**
	 * Whether an outcome is signed off only on cited evidence of at least one of its "Does"
	 * statements (knowing is not enough), as the PQS asks. Unset means yes.
	 */
	signOffNeedsDoes: z.boolean().optional(),
	/**
	 * The share of the framework's outcomes expected to be signed off by each month (at full
	 * time); straight lines between the points, from none at the start. Without it, a straight
	 * line to all of them at the end.
	 */
	signOffTrajectory: z
		.array(z.object({ month: z.number().positive(), share: z.number().min(0).max(1) }))
		.default([]),
	/**
	 * How often supervision is held, at full time (`supervision-plan.ts`); part-time hours and
	 * pauses move the sessions as they move the reviews. Without it, no sessions are scheduled.
	 */
	supervision: supervisionPlanSchema.optional()
});

/** The fields as read, with `required` always a list and the observations it asks for. */
export const programmeSchema = programmeFields.transform((data, context) => {
	const { observationsRequired, ...rest } = data;
	if (data.required && observationsRequired !== undefined) {
		const message = 'write the observations required as an item of "required", not both';
		context.addIssue({ code: 'custom', message, path: ['observationsRequired'] });
		return z.NEVER;
	}
	const required: RequiredItem[] = data.required ?? [
		...(observationsRequired
			? [requiredItem.parse({ kind: 'observations', count: observationsRequired })]
			: [])
	];
	const observations = required.find((r) => r.kind === 'observations');
	return {
		...rest,
		required,
		/** How many observations of practice the programme asks for (0 when none). */
		observationsRequired: observations?.kind === 'observations' ? observations.count : 0
	};
});

export type Programme = z.output<typeof programmeSchema>;

/** Programmes are content (`content/programmes/<id>.md`): an authority changes markdown, not code. */
export function loadProgrammes(files: ContentFiles): Programme[] {
	return Object.entries(filesUnder(files, 'programmes')).map(([file, source]) => {
		const { data } = parseMarkdown(file, source, programmeSchema);
		if (!file.endsWith(`/${data.id}.md`))
			throw new ContentError(file, `id "${data.id}" must match the file name`);
		if (data.reviews.filter((r) => r.final).length !== 1)
			throw new ContentError(file, 'exactly one review must be final');
		checkAssessmentRecord(file, data);
		return data;
	});
}

/** Ids are used once; a plan follows the start or a review before the final one. */
function checkAssessmentRecord(file: string, programme: Programme) {
	const once = (what: string, ids: string[]) => {
		const twice = ids.find((id, i) => ids.indexOf(id) !== i);
		if (twice) throw new ContentError(file, `${what} "${twice}" is listed twice`);
	};
	once(
		'review',
		programme.reviews.map((r) => r.id)
	);
	once(
		'plan',
		programme.plans.map((p) => p.id)
	);
	once(
		'required item',
		programme.required.map((r) => (r.kind === 'evidence' ? `evidence of type ${r.type}` : r.kind))
	);
	const stages = ['start', ...programme.reviews.filter((r) => !r.final).map((r) => r.id)];
	for (const plan of programme.plans)
		if (!stages.includes(plan.after))
			throw new ContentError(
				file,
				`plan "${plan.id}" comes after "${plan.after}", which is not one of: ${stages.join(', ')}`
			);
}

/** The share of outcomes expected signed off a number of (full-time) months into a programme. */
export function expectedSignOffShare(programme: Programme, month: number) {
	const points = [
		{ month: 0, share: 0 },
		...[...programme.signOffTrajectory].sort((a, b) => a.month - b.month),
		...(programme.signOffTrajectory.some((p) => p.month >= programme.months)
			? []
			: [{ month: programme.months, share: 1 }])
	];
	if (month >= points.at(-1)!.month) return points.at(-1)!.share;
	const next = points.findIndex((p) => p.month > month);
	const [a, b] = [points[next - 1], points[next]];
	return a.share + ((b.share - a.share) * (month - a.month)) / (b.month - a.month);
}
