import { isFamily, type FeedbackRelationship } from '$lib/feedback/vocabulary';
import { inTransaction, type Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { addMs, timestamp } from '../db/time';
import { FieldError } from '../errors';
import { publicOrigin } from '../http/origin.js';
import { createGuestLink, guestLinkLifetime, withdrawGuestLinks } from '../links/guest-links';
import { sendMail } from '../mail/outbox';
import { requestMail } from './request-mail';

// A practitioner's requests for feedback by link: asked, sent again with a new link, withdrawn.
// Each request is answered once, through a link for someone without an account
// (links/guest-links.ts, purpose `feedback`); the answer is saved by answers.ts.

export interface FeedbackRequestInput {
	relationship: FeedbackRelationship;
	/** Empty when not given (a child's or family's name is optional). */
	name: string;
	email: string;
	/** The id of one of their own records the feedback is about, or null. */
	evidence: string | null;
}

interface Asker {
	id: string;
	name: string;
}

const linkTo = (token: string) => `${publicOrigin()}/feedback/${token}`;

/** Asks for feedback: the request, where it went, a link valid for 14 days, and the email. */
export async function createFeedbackRequest(
	db: Db,
	asker: Asker,
	input: FeedbackRequestInput,
	now = new Date()
) {
	if (input.evidence && !(await ownsRecord(db, asker.id, input.evidence)))
		throw new FieldError('evidence', 'Choose one of your records from the list, or none');
	const id = newId();
	const family = isFamily(input.relationship);
	const expiresAt = addMs(now, guestLinkLifetime);
	const token = await inTransaction(db, async (tx) => {
		await tx
			.insertInto('feedback_requests')
			.values({
				id,
				practitioner_id: asker.id,
				relationship: input.relationship,
				name: family ? null : input.name,
				about_id: input.evidence,
				created_at: timestamp(now),
				expires_at: timestamp(expiresAt),
				answered_at: null,
				withdrawn_at: null,
				record_id: null
			})
			.execute();
		await tx
			.insertInto('feedback_contacts')
			.values({
				request_id: id,
				email: input.email,
				name: family ? input.name || null : null,
				expires_at: timestamp(expiresAt)
			})
			.execute();
		await requestEvent(tx, asker.id, 'feedback.requested', id, now, {
			relationship: input.relationship
		});
		return createGuestLink(tx, 'feedback', id, { now });
	});
	await sendMail(
		db,
		requestMail({
			to: input.email,
			relationship: input.relationship,
			name: family ? null : input.name,
			practitionerName: asker.name,
			link: linkTo(token),
			expiresAt
		}),
		now
	);
	return { id, token };
}

/**
 * Sends a request still waiting for its answer again, to the same address, with a new link for
 * another 14 days: the link sent before stops working (it reads as expired).
 */
export async function sendFeedbackRequestAgain(
	db: Db,
	asker: Asker,
	requestId: string,
	now = new Date()
) {
	const expiresAt = addMs(now, guestLinkLifetime);
	const { request, contact, token } = await inTransaction(db, async (tx) => {
		const { request, contact } = await waitingRequest(tx, asker.id, requestId, now);
		await withdrawGuestLinks(tx, 'feedback', [requestId], now);
		const token = await createGuestLink(tx, 'feedback', requestId, { now });
		await tx
			.updateTable('feedback_requests')
			.set({ expires_at: timestamp(expiresAt) })
			.where('id', '=', requestId)
			.execute();
		await tx
			.updateTable('feedback_contacts')
			.set({ expires_at: timestamp(expiresAt) })
			.where('request_id', '=', requestId)
			.execute();
		await requestEvent(tx, asker.id, 'feedback.sent-again', requestId, now);
		return { request, contact, token };
	});
	await sendMail(
		db,
		requestMail({
			to: contact.email,
			relationship: request.relationship,
			name: request.name,
			practitionerName: asker.name,
			link: linkTo(token),
			expiresAt
		}),
		now
	);
}

/** Withdraws a request still waiting: its link stops working, and the address is forgotten. */
export async function withdrawFeedbackRequest(
	db: Db,
	askerId: string,
	requestId: string,
	now = new Date()
) {
	await inTransaction(db, async (tx) => {
		await waitingRequest(tx, askerId, requestId, now);
		await withdraw(tx, askerId, requestId, now);
	});
}

/**
 * A leaver's requests still waiting are withdrawn (by whoever deactivated them): nobody is there
 * to read an answer, so the links stop working and the addresses are forgotten. How many.
 */
export async function withdrawRequestsOfLeaver(
	tx: Db,
	actorId: string | null,
	practitionerId: string,
	now: Date
) {
	const waiting = await tx
		.selectFrom('feedback_requests')
		.select('id')
		.where('practitioner_id', '=', practitionerId)
		.where('answered_at', 'is', null)
		.where('withdrawn_at', 'is', null)
		.where('expires_at', '>', timestamp(now))
		.execute();
	for (const { id } of waiting) await withdraw(tx, actorId, id, now);
	return waiting.length;
}

async function withdraw(tx: Db, actorId: string | null, requestId: string, now: Date) {
	await withdrawGuestLinks(tx, 'feedback', [requestId], now);
	await tx
		.updateTable('feedback_requests')
		.set({ withdrawn_at: timestamp(now) })
		.where('id', '=', requestId)
		.execute();
	await tx.deleteFrom('feedback_contacts').where('request_id', '=', requestId).execute();
	await requestEvent(tx, actorId, 'feedback.withdrawn', requestId, now);
}

/** The asker's request, if it still waits for an answer; refused (409) otherwise. */
async function waitingRequest(tx: Db, askerId: string, requestId: string, now: Date) {
	const request = await tx
		.selectFrom('feedback_requests')
		.selectAll()
		.where('id', '=', requestId)
		.where('practitioner_id', '=', askerId)
		.executeTakeFirst();
	if (!request) throw new FieldError('request', 'There is no such request of yours');
	const contact = await tx
		.selectFrom('feedback_contacts')
		.selectAll()
		.where('request_id', '=', requestId)
		.executeTakeFirst();
	if (request.answered_at) throw new FieldError('request', 'This request has been answered', 409);
	if (request.withdrawn_at || !contact || new Date(request.expires_at) <= now)
		throw new FieldError(
			'request',
			'This request can no longer be answered: ask again with a new request',
			409
		);
	return { request, contact };
}

function ownsRecord(db: Db, ownerId: string, evidenceId: string) {
	return db
		.selectFrom('evidence')
		.select('id')
		.where('id', '=', evidenceId)
		.where('owner_id', '=', ownerId)
		.executeTakeFirst();
}

/** An entry in the event log about a request (subject `feedback-request`). */
export const requestEvent = (
	tx: Db,
	actorId: string | null,
	action: string,
	requestId: string,
	now: Date,
	detail?: Record<string, unknown>
) =>
	recordEvent(
		tx,
		{ actorId, action, subjectType: 'feedback-request', subjectId: requestId, detail },
		now
	);
