import type { SelfRating } from '$lib/portfolio/vocabulary';
import type { Db } from '../db';
import { prepared } from '../db/prepared';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { timestamp } from '../db/time';

export interface Rating {
	outcomeId: string;
	rating: SelfRating;
	note: string;
}

/** Records a self-assessment: one rating per outcome the person rated. Earlier ones are kept. */
export async function recordSelfAssessment(
	db: Db,
	userId: string,
	frameworkVersion: string,
	ratings: Rating[],
	now = new Date()
) {
	const id = newId();
	await db.transaction().execute(async (tx) => {
		await tx
			.insertInto('self_assessments')
			.values({
				id,
				user_id: userId,
				framework_version: frameworkVersion,
				created_at: timestamp(now)
			})
			.execute();
		await tx
			.insertInto('self_assessment_ratings')
			.values(
				ratings.map((r) => ({
					assessment_id: id,
					outcome_id: r.outcomeId,
					rating: r.rating,
					note: r.note
				}))
			)
			.execute();
		await recordEvent(
			tx,
			{
				actorId: userId,
				action: 'self-assessment.recorded',
				subjectType: 'self-assessment',
				subjectId: id
			},
			now
		);
	});
	return id;
}

export function listSelfAssessments(db: Db, userId: string) {
	return db
		.selectFrom('self_assessments')
		.leftJoin(
			'self_assessment_ratings',
			'self_assessment_ratings.assessment_id',
			'self_assessments.id'
		)
		.select((eb) => [
			'self_assessments.id',
			'self_assessments.created_at',
			'self_assessments.framework_version',
			eb.fn.count<number>('self_assessment_ratings.outcome_id').as('rated')
		])
		.where('self_assessments.user_id', '=', userId)
		.groupBy([
			'self_assessments.id',
			'self_assessments.created_at',
			'self_assessments.framework_version'
		])
		.orderBy('self_assessments.created_at', 'desc')
		.execute();
}

export async function getSelfAssessment(db: Db, id: string) {
	const assessment = await db
		.selectFrom('self_assessments')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
	if (!assessment) return undefined;
	const ratings = await db
		.selectFrom('self_assessment_ratings')
		.selectAll()
		.where('assessment_id', '=', id)
		.execute();
	return { ...assessment, ratings };
}

/** The most recent rating the person gave each outcome. */
export async function latestRatings(db: Db, userId: string, version: string) {
	const rows = await ratingsQuery(db, userId, version);
	const latest = new Map<string, { rating: SelfRating; note: string; at: string }>();
	for (const row of rows) {
		if (!latest.has(row.outcome_id))
			latest.set(row.outcome_id, {
				rating: row.rating as SelfRating,
				note: row.note,
				at: row.created_at
			});
	}
	return latest;
}

/** Asked on every page that shows coverage, so built once. */
const ratingsQuery = prepared((db, userId: string, version: string) =>
	db
		.selectFrom('self_assessment_ratings')
		.innerJoin('self_assessments', 'self_assessments.id', 'self_assessment_ratings.assessment_id')
		.select(['outcome_id', 'rating', 'note', 'self_assessments.created_at'])
		.where('self_assessments.user_id', '=', userId)
		.where('self_assessments.framework_version', '=', version)
		.orderBy('self_assessments.created_at', 'desc')
);

/**
 * A new self-assessment's form, filled in from the latest ratings, so that a person changes
 * what has moved instead of starting again. Pure, for testing.
 */
export function ratingFormValues(latest: Map<string, { rating: SelfRating; note: string }>) {
	const values: Record<string, string> = {};
	for (const [outcomeId, { rating, note }] of latest) {
		values[`rating-${outcomeId}`] = rating;
		values[`note-${outcomeId}`] = note;
	}
	return values;
}
