import type { Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { timestamp } from '../db/time';

export interface ReviewInput {
	progress: Record<string, string>;
	strengths: string;
	areasToDevelop: string;
	practitionerComments: string;
	recommendation: string;
}

export class ProgrammeReviewError extends Error {}

/** Records a review point once; a second record of the same review is refused. */
export async function recordProgrammeReview(
	db: Db,
	actorId: string,
	enrolmentId: string,
	reviewId: string,
	input: ReviewInput,
	now = new Date()
) {
	const id = newId();
	await db.transaction().execute(async (tx) => {
		const existing = await tx
			.selectFrom('programme_reviews')
			.select('id')
			.where('enrolment_id', '=', enrolmentId)
			.where('review_id', '=', reviewId)
			.executeTakeFirst();
		if (existing) throw new ProgrammeReviewError('This review has already been recorded');
		await tx
			.insertInto('programme_reviews')
			.values({
				id,
				enrolment_id: enrolmentId,
				review_id: reviewId,
				progress: JSON.stringify(input.progress),
				strengths: input.strengths,
				areas_to_develop: input.areasToDevelop,
				practitioner_comments: input.practitionerComments,
				recommendation: input.recommendation,
				completed_by: actorId,
				completed_at: timestamp(now),
				countersigned_by: null,
				countersigned_at: null
			})
			.execute();
		await recordEvent(
			tx,
			{
				actorId,
				action: 'programme.review-recorded',
				subjectType: 'enrolment',
				subjectId: enrolmentId,
				detail: { reviewId }
			},
			now
		);
	});
	return id;
}

export async function getProgrammeReview(db: Db, enrolmentId: string, reviewId: string) {
	const row = await db
		.selectFrom('programme_reviews')
		.innerJoin('users', 'users.id', 'programme_reviews.completed_by')
		.selectAll('programme_reviews')
		.select('users.name as completedByName')
		.where('enrolment_id', '=', enrolmentId)
		.where('review_id', '=', reviewId)
		.executeTakeFirst();
	return row && { ...row, progress: JSON.parse(row.progress) as Record<string, string> };
}
