import type { Db } from '../db';
import { dateOnly, timestamp } from '../db/time';
import { formatDate } from '$lib/format';
import { sendMail } from '../mail/outbox';
import { holderOf } from '../people/relationships';
import { programmeFor } from '.';

/**
 * Emails the practitioner and their assessor when a review falls due within 14 days, and
 * again when it is overdue; each reminder once. Safe to run as often as you like.
 */
export async function sendReviewReminders(db: Db, origin: string, today = dateOnly()) {
	const enrolments = await db
		.selectFrom('enrolments')
		.innerJoin('users', 'users.id', 'enrolments.user_id')
		.select(['enrolments.id', 'users.id as userId', 'users.name', 'users.email'])
		.where('users.active', '=', 1)
		.where('enrolments.status', '=', 'active')
		.execute();
	let sent = 0;
	for (const person of enrolments) {
		const programme = await programmeFor(db, person.userId, today);
		if (!programme) continue;
		for (const review of programme.reviews) {
			if (review.state !== 'due-soon' && review.state !== 'overdue') continue;
			const already = await db
				.selectFrom('review_reminders')
				.select('kind')
				.where('enrolment_id', '=', programme.enrolmentId)
				.where('review_id', '=', review.id)
				.where('kind', '=', review.state)
				.executeTakeFirst();
			if (already) continue;
			await db
				.insertInto('review_reminders')
				.values({
					enrolment_id: programme.enrolmentId,
					review_id: review.id,
					kind: review.state,
					sent_at: timestamp()
				})
				.execute();
			const when =
				review.state === 'overdue'
					? `was due on ${formatDate(review.dueOn)} and is overdue`
					: `is due on ${formatDate(review.dueOn)}`;
			// The review is the assessor's to record.
			const assessor = await holderOf(db, person.userId, 'assessor', today);
			await sendMail(db, {
				to: person.email,
				subject: `${review.title} ${review.state === 'overdue' ? 'overdue' : 'due soon'}`,
				body: `Dear ${person.name},\n\nYour ${review.title} ${when}.\n\n${origin}/portfolio/programme`
			});
			if (assessor) {
				await sendMail(db, {
					to: assessor.email,
					subject: `${person.name}: ${review.title} ${review.state === 'overdue' ? 'overdue' : 'due soon'}`,
					body: `Dear ${assessor.name},\n\n${person.name}'s ${review.title} ${when}.\n\n${origin}/supervision/${person.userId}/reviews/${review.id}`
				});
			}
			sent++;
		}
	}
	return sent;
}
