import { feedbackGivers } from '$lib/feedback/vocabulary';
import { inTransaction, type Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { dateOnly, timestamp } from '../db/time';
import { publicOrigin } from '../http/origin.js';
import { spendGuestLink } from '../links/guest-links';
import { sendMail } from '../mail/outbox';
import { blankCpdDetail, draftRow } from '../portfolio/evidence';
import { answerRecord, type FeedbackAnswer } from './answers';
import { answeredMail } from './request-mail';
import { requestEvent } from './requests';

// Saving an answer given by link: the link is used up in the same transaction that saves it, so
// a second tab or a double click saves nothing. The answer becomes a draft record in the
// practitioner's portfolio: they add their reflection and outcomes, and submit it like any other.

/** The request a link answers, with who asked; undefined if there is none. */
export function feedbackRequestFor(db: Db, requestId: string) {
	return db
		.selectFrom('feedback_requests')
		.innerJoin('users', 'users.id', 'feedback_requests.practitioner_id')
		.select([
			'feedback_requests.id',
			'feedback_requests.practitioner_id',
			'feedback_requests.relationship',
			'feedback_requests.name',
			'users.name as practitionerName'
		])
		.where('feedback_requests.id', '=', requestId)
		.executeTakeFirst();
}

/**
 * Saves the answer through an open link (`openGuestLink`'s): the new record's id, or null when
 * the link was used or expired meanwhile, and nothing was saved. `anonymityConfirmed`: the
 * anonymity check found something and whoever answered confirmed it names no one.
 */
export async function saveFeedbackAnswer(
	db: Db,
	link: { id: string; subjectId: string },
	answer: FeedbackAnswer,
	{ now = new Date(), anonymityConfirmed = false } = {}
) {
	const request = await feedbackRequestFor(db, link.subjectId);
	if (!request) return null;
	const record = answerRecord(request, answer, now);
	const id = newId();
	const saved = await inTransaction(db, async (tx) => {
		if (!(await spendGuestLink(tx, link.id, now))) return false;
		const waiting = await tx
			.selectFrom('feedback_requests')
			.select('id')
			.where('id', '=', request.id)
			.where('answered_at', 'is', null)
			.where('withdrawn_at', 'is', null)
			.executeTakeFirst();
		if (!waiting) return false;
		await insertRecord(tx, id, request.practitioner_id, record, now);
		await tx
			.updateTable('feedback_requests')
			.set({ answered_at: timestamp(now), record_id: id })
			.where('id', '=', request.id)
			.execute();
		// The address goes now: nothing more is sent to it.
		await tx.deleteFrom('feedback_contacts').where('request_id', '=', request.id).execute();
		const event = { actorId: null, subjectType: 'evidence', subjectId: id };
		const detail = { anonymityConfirmed };
		await recordEvent(tx, { ...event, action: 'evidence.given-by-link', detail }, now);
		await requestEvent(tx, null, 'feedback.answered', request.id, now);
		return true;
	});
	if (!saved) return null;
	await notifyPractitioner(db, request.practitioner_id, request.relationship, id, now);
	return id;
}

/** The answer as a draft record of the practitioner's, to reflect on like any other. */
async function insertRecord(
	tx: Db,
	id: string,
	ownerId: string,
	record: ReturnType<typeof answerRecord>,
	now: Date
) {
	const input = {
		...record,
		activityDate: dateOnly(now),
		reflectionModel: 'free' as const,
		reflection: {},
		cpdType: 'feedback',
		...blankCpdDetail,
		cpdMinutes: null
	};
	await tx
		.insertInto('evidence')
		.values(draftRow(id, ownerId, input, now))
		.execute();
}

async function notifyPractitioner(
	db: Db,
	practitionerId: string,
	relationship: keyof typeof feedbackGivers,
	recordId: string,
	now: Date
) {
	const practitioner = await db
		.selectFrom('users')
		.select(['email', 'name'])
		.where('id', '=', practitionerId)
		.executeTakeFirstOrThrow();
	const link = `${publicOrigin()}/portfolio/${recordId}`;
	await sendMail(db, answeredMail(practitioner, feedbackGivers[relationship], link), now);
}
