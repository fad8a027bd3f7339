import { z } from 'zod';
import { finalRecommendations } from '../../programme/vocabulary.ts';
import { ContentError } from '../content/error.ts';
import { filesUnder, type ContentFiles } from '../content/files.ts';
import { parseMarkdown } from '../content/frontmatter.ts';
import { supervisionPlanSchema } from './supervision-plan.ts';

export const programmeSchema = z.object({
	id: z.string().regex(/^[a-z0-9-]+$/),
	title: z.string().min(1),
	months: z.number().int().positive(),
	protectedTimePercent: z.number().min(0).max(100),
	observationsRequired: z.number().int().min(0),
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

export type Programme = z.infer<typeof programmeSchema>;

/** Programmes are content (`content/programmes/<id>.md`): an authority changes markdown, not code. */
export function loadProgrammes(files: ContentFiles): Programme[] {
	return Object.entries(filesUnder(files, 'programmes')).map(([file, source]) => {
		const { data } = parseMarkdown(file, source, programmeSchema);
		if (!file.endsWith(`/${data.id}.md`))
			throw new ContentError(file, `id "${data.id}" must match the file name`);
		if (data.reviews.filter((r) => r.final).length !== 1)
			throw new ContentError(file, 'exactly one review must be final');
		return data;
	});
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
