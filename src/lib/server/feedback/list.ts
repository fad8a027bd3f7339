import type { FeedbackRequestState } from '$lib/feedback/vocabulary';
import type { Db } from '../db';
import { timestamp } from '../db/time';

// What a practitioner sees of their requests, and what is kept of where they went.

/**
 * Forgets where requests were sent once their links can no longer be used: the address (and a
 * family member's name) is kept only while the link works. The retention run does this for
 * everyone each night (sweeps.ts); a practitioner's list does it for theirs as it is read.
 */
export async function forgetExpiredContacts(db: Db, practitionerId: string, now = new Date()) {
	const theirs = db
		.selectFrom('feedback_requests')
		.select('id')
		.where('practitioner_id', '=', practitionerId);
	await db
		.deleteFrom('feedback_contacts')
		.where('request_id', 'in', theirs)
		.where('expires_at', '<=', timestamp(now))
		.execute();
}

export const requestState = (
	request: { answered_at: string | null; withdrawn_at: string | null; expires_at: string },
	now: Date
): FeedbackRequestState =>
	request.answered_at
		? 'answered'
		: request.withdrawn_at
			? 'withdrawn'
			: new Date(request.expires_at) <= now
				? 'expired'
				: 'waiting';

/** A practitioner's requests, newest first, each with its state and the records it names. */
export async function listFeedbackRequests(db: Db, practitionerId: string, now = new Date()) {
	await forgetExpiredContacts(db, practitionerId, now);
	const rows = await db
		.selectFrom('feedback_requests')
		.leftJoin('feedback_contacts', 'feedback_contacts.request_id', 'feedback_requests.id')
		.leftJoin('evidence as about', 'about.id', 'feedback_requests.about_id')
		.leftJoin('evidence as record', 'record.id', 'feedback_requests.record_id')
		.select([
			'feedback_requests.id',
			'feedback_requests.relationship',
			'feedback_requests.name',
			'feedback_requests.created_at',
			'feedback_requests.expires_at',
			'feedback_requests.answered_at',
			'feedback_requests.withdrawn_at',
			'feedback_requests.record_id',
			'feedback_requests.about_id',
			'feedback_contacts.email',
			'feedback_contacts.name as contactName',
			'about.title as aboutTitle',
			'record.status as recordStatus'
		])
		.where('feedback_requests.practitioner_id', '=', practitionerId)
		.orderBy('feedback_requests.created_at', 'desc')
		.orderBy('feedback_requests.id')
		.execute();
	return rows.map(({ contactName, ...row }) => ({
		...row,
		name: row.name ?? contactName,
		state: requestState(row, now)
	}));
}

export type FeedbackRequestRow = Awaited<ReturnType<typeof listFeedbackRequests>>[number];

/**
 * A request of theirs to ask again (expired or withdrawn): who and what about, to fill the form
 * with; the address is not kept, so it is typed again.
 */
export async function requestToAskAgain(db: Db, practitionerId: string, requestId: string) {
	const request = await db
		.selectFrom('feedback_requests')
		.select(['relationship', 'name', 'about_id'])
		.where('id', '=', requestId)
		.where('practitioner_id', '=', practitionerId)
		.executeTakeFirst();
	if (!request) return undefined;
	return {
		relationship: request.relationship,
		name: request.name ?? '',
		evidence: request.about_id ?? ''
	};
}
