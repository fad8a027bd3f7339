import { inTransaction, type Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { timestamp } from '../db/time';
import { FieldError } from '../errors';

// The practitioner's critical reflection for each review point, written before or at the
// review; the assessor reads it on the review page, and the review records whether it was
// there. Once a review has been given it, it is kept as the review saw it; one written after a
// review held without it can still be changed. A save says which version it edited (0 for one
// not yet written), as evidence does.

export function reflectionsOf(db: Db, enrolmentId: string) {
	return db
		.selectFrom('review_reflections')
		.selectAll()
		.where('enrolment_id', '=', enrolmentId)
		.orderBy('created_at')
		.execute();
}

export type Reflection = Awaited<ReturnType<typeof reflectionsOf>>[number];

export async function getReflection(db: Db, enrolmentId: string, reviewId: string) {
	return (await reflectionsOf(db, enrolmentId)).find((r) => r.review_id === reviewId);
}

/** Whether the review was recorded with the reflection: then it is kept as it was. */
export async function givenAtReview(db: Db, enrolmentId: string, reviewId: string) {
	const review = await db
		.selectFrom('programme_reviews')
		.select('reflection_given')
		.where('enrolment_id', '=', enrolmentId)
		.where('review_id', '=', reviewId)
		.executeTakeFirst();
	return review?.reflection_given === 1;
}

export async function saveReflection(
	db: Db,
	actorId: string,
	enrolmentId: string,
	reviewId: string,
	expectedVersion: number,
	reflection: string,
	now = new Date()
) {
	await inTransaction(db, async (tx) => {
		if (await givenAtReview(tx, enrolmentId, reviewId))
			throw new FieldError(
				'reflection',
				'Your reflection was given at the review and is kept as the review saw it.',
				409
			);
		const at = timestamp(now);
		const saved =
			expectedVersion === 0
				? await tx
						.insertInto('review_reflections')
						.values({
							id: newId(),
							enrolment_id: enrolmentId,
							review_id: reviewId,
							reflection,
							version: 1,
							created_at: at,
							updated_at: at
						})
						.onConflict((c) => c.columns(['enrolment_id', 'review_id']).doNothing())
						.executeTakeFirst()
						.then((r) => Number(r.numInsertedOrUpdatedRows ?? 0))
				: await tx
						.updateTable('review_reflections')
						.set({ reflection, version: expectedVersion + 1, updated_at: at })
						.where('enrolment_id', '=', enrolmentId)
						.where('review_id', '=', reviewId)
						.where('version', '=', expectedVersion)
						.executeTakeFirst()
						.then((r) => Number(r.numUpdatedRows));
		if (saved !== 1)
			throw new FieldError(
				'reflection',
				'Your reflection was changed in another tab or window after you opened it, so this was not saved. Your text is below: copy what you need, then open it again.',
				409
			);
		await recordEvent(
			tx,
			{
				actorId,
				action: 'programme.reflection-saved',
				subjectType: 'enrolment',
				subjectId: enrolmentId,
				detail: { reviewId, version: expectedVersion + 1 }
			},
			now
		);
	});
}
