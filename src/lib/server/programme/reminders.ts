import type { Db } from '../db';
import { batches } from '../db/batches';
import { dateOnly, timestamp } from '../db/time';
import { formatDate } from '$lib/format';
import { sendMail } from '../mail/outbox';
import { holderOf } from '../people/relationships';
import { enrolmentProgrammes } from '.';

/**
 * Emails the practitioner and their assessor when a review falls due within 14 days, and
 * again when it is overdue; each reminder once. Safe to run as often as you like. Everyone on
 * a programme is read a hundred at a time, in a few queries a hundred, so that start-up (which
 * runs this) stays quick at national size.
 */
export async function sendReviewReminders(db: Db, origin: string, today = dateOnly()) {
	let sent = 0;
	for (const group of batches(await onProgramme(db))) {
		const programmes = await enrolmentProgrammes(db, group, today);
		const ids = group.map((e) => e.id);
		const already = new Set(
			(
				await db
					.selectFrom('review_reminders')
					.select(['enrolment_id', 'review_id', 'kind'])
					.where('enrolment_id', 'in', ids)
					.execute()
			).map((r) => `${r.enrolment_id} ${r.review_id} ${r.kind}`)
		);
		for (const person of group) {
			const programme = programmes.get(person.id);
			for (const review of programme?.reviews ?? []) {
				if (review.state !== 'due-soon' && review.state !== 'overdue') continue;
				if (already.has(`${person.id} ${review.id} ${review.state}`)) continue;
				await remind(db, origin, person, { ...review, state: review.state }, today);
				sent++;
			}
		}
	}
	return sent;
}

/** Active people's active enrolments: each person's latest to start, as their programme page. */
async function onProgramme(db: Db) {
	const enrolments = await db
		.selectFrom('enrolments')
		.innerJoin('users', 'users.id', 'enrolments.user_id')
		.selectAll('enrolments')
		.select(['users.name', 'users.email'])
		.where('users.active', '=', 1)
		.where('enrolments.status', '=', 'active')
		.orderBy('enrolments.starts_on', 'desc')
		.orderBy('enrolments.id')
		.execute();
	const latest = new Map<string, (typeof enrolments)[number]>();
	for (const enrolment of enrolments)
		if (!latest.has(enrolment.user_id)) latest.set(enrolment.user_id, enrolment);
	return [...latest.values()];
}

/** Marks one reminder sent, then emails the practitioner and their assessor. */
async function remind(
	db: Db,
	origin: string,
	person: { id: string; user_id: string; name: string; email: string },
	review: { id: string; title: string; dueOn: string; state: 'due-soon' | 'overdue' },
	today: string
) {
	await db
		.insertInto('review_reminders')
		.values({
			enrolment_id: person.id,
			review_id: review.id,
			kind: review.state,
			sent_at: timestamp()
		})
		.execute();
	const overdue = review.state === 'overdue';
	const when = overdue
		? `was due on ${formatDate(review.dueOn)} and is overdue`
		: `is due on ${formatDate(review.dueOn)}`;
	const subject = `${review.title} ${overdue ? 'overdue' : 'due soon'}`;
	await sendMail(db, {
		to: person.email,
		subject,
		body: `Dear ${person.name},\n\nYour ${review.title} ${when}.\n\n${origin}/portfolio/programme`
	});
	// The review is the assessor's to record.
	const assessor = await holderOf(db, person.user_id, 'assessor', today);
	if (assessor)
		await sendMail(db, {
			to: assessor.email,
			subject: `${person.name}: ${subject}`,
			body: `Dear ${assessor.name},\n\n${person.name}'s ${review.title} ${when}.\n\n${origin}/supervision/${person.user_id}/reviews/${review.id}`
		});
}
