import type { Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { timestamp } from '../db/time';
import { FieldError } from '../errors';

export interface ReviewInput {
	progress: Record<string, string>;
	strengths: string;
	areasToDevelop: string;
	practitionerComments: string;
	recommendation: string;
}

/**
 * Records a review point once; a second record of the same review is refused. It notes whether
 * the practitioner's critical reflection was there (and from then on it is kept as it was).
 */
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
		if (existing) throw new FieldError('strengths', 'This review has already been recorded');
		const reflection = await tx
			.selectFrom('review_reflections')
			.select('id')
			.where('enrolment_id', '=', enrolmentId)
			.where('review_id', '=', reviewId)
			.executeTakeFirst();
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
				countersigned_at: null,
				panel_decision: null,
				panel_reasons: null,
				panel_by: null,
				panel_at: null,
				reflection_given: reflection ? 1 : 0
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

/** A second person (principal social worker or administrator) countersigns the final review. */
export async function countersignReview(
	db: Db,
	actorId: string,
	reviewRowId: string,
	now = new Date()
) {
	const row = await db
		.selectFrom('programme_reviews')
		.selectAll()
		.where('id', '=', reviewRowId)
		.executeTakeFirst();
	if (!row) throw new FieldError('countersign', 'There is no such review');
	if (row.completed_by === actorId)
		throw new FieldError(
			'countersign',
			'The countersignature must be by a second person, not the reviewer'
		);
	if (row.countersigned_by)
		throw new FieldError('countersign', 'This review is already countersigned');
	await db
		.updateTable('programme_reviews')
		.set({ countersigned_by: actorId, countersigned_at: timestamp(now) })
		.where('id', '=', reviewRowId)
		.execute();
	await recordEvent(
		db,
		{
			actorId,
			action: 'programme.review-countersigned',
			subjectType: 'enrolment',
			subjectId: row.enrolment_id
		},
		now
	);
}

/** The moderation panel's decision on the final review: agree, or refer back with reasons. */
export async function recordPanelDecision(
	db: Db,
	actorId: string,
	reviewRowId: string,
	decision: 'agree' | 'refer-back',
	reasons: string,
	now = new Date()
) {
	if (decision === 'refer-back' && !reasons.trim())
		throw new FieldError('reasons', 'Write why the panel refers it back');
	const row = await db
		.selectFrom('programme_reviews')
		.selectAll()
		.where('id', '=', reviewRowId)
		.executeTakeFirst();
	if (!row) throw new FieldError('reasons', 'There is no such review');
	if (!row.countersigned_by)
		throw new FieldError(
			'reasons',
			'The final review must be countersigned before the panel decides'
		);
	if (row.panel_decision) throw new FieldError('reasons', 'The panel has already decided');
	await db
		.updateTable('programme_reviews')
		.set({
			panel_decision: decision,
			panel_reasons: reasons.trim() || null,
			panel_by: actorId,
			panel_at: timestamp(now)
		})
		.where('id', '=', reviewRowId)
		.execute();
	await recordEvent(
		db,
		{
			actorId,
			action: `programme.panel-${decision}`,
			subjectType: 'enrolment',
			subjectId: row.enrolment_id
		},
		now
	);
}
