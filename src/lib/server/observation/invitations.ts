import { inTransaction, type Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import type { ObservationInvitationStatus, ObserverKind } from '../db/schema';
import { timestamp } from '../db/time';
import { FieldError } from '../errors';
import { createGuestLink, spendGuestLink, withdrawGuestLinks } from '../links/guest-links';
import { findObserver } from './invitation-observer';
import { sendObservationLink, observationLinkLifetime } from './invitation-mail';
import {
	insertObservation,
	type ObservationInput,
	type Observer,
	type RecordedBy
} from './observations';

// A practitioner's invitation to observe their practice (PQS 5.3 D6), from sending to closing:
// recorded through the observation form (by their assessor or a colleague signed in, or by an
// observer from outside with a link), withdrawn by them, or declined by the observer. Only an
// open invitation changes, and only once: each step claims it while it is still open.

export interface InvitationInput {
	observer: ObserverKind;
	/** A colleague's or an outside observer's email address. */
	observerEmail: string;
	/** An outside observer's name. */
	observerName: string;
	/** `YYYY-MM-DD` */
	plannedOn: string;
	setting: string;
}

/**
 * Invites an observation: to the practitioner's assessor or a colleague, who see it on their
 * home page; or to someone from outside, emailed a link that works once. Returns its id, and
 * the link's token for one from outside (sent, and not kept).
 */
export async function inviteObservation(
	db: Db,
	practitionerId: string,
	input: InvitationInput,
	origin: string,
	now = new Date()
) {
	const observer = await findObserver(db, practitionerId, input, now);
	const id = newId();
	const token = await inTransaction(db, async (tx) => {
		await tx
			.insertInto('observation_invitations')
			.values({
				id,
				practitioner_id: practitionerId,
				observer: input.observer,
				observer_id: observer.id,
				observer_name: observer.id ? null : observer.name,
				observer_email: observer.id ? null : observer.email,
				planned_on: input.plannedOn,
				setting: input.setting,
				status: 'open',
				evidence_id: null,
				created_at: timestamp(now),
				closed_at: null
			})
			.execute();
		await recordEvent(
			tx,
			{
				actorId: practitionerId,
				action: 'observation.invited',
				subjectType: 'observation-invitation',
				subjectId: id,
				// Who by their account only: an outside observer's name and address stay in the row.
				detail: { observer: input.observer, observerId: observer.id, plannedOn: input.plannedOn }
			},
			now
		);
		if (observer.id) return null;
		const lifetime = observationLinkLifetime(input.plannedOn, now);
		return createGuestLink(tx, 'observation', id, { now, lifetime });
	});
	if (token) await sendObservationLink(db, { token, origin, practitionerId, input }, now);
	return { id, token };
}

/** Closes an open invitation, if it still is and `narrow` matches it; what it was, or nothing. */
async function claimOpen(
	tx: Db,
	id: string,
	status: Exclude<ObservationInvitationStatus, 'open'>,
	now: Date,
	narrow: { practitionerId?: string; observerId?: string; external?: boolean }
) {
	let query = tx
		.updateTable('observation_invitations')
		.set({ status, closed_at: timestamp(now) })
		.where('id', '=', id)
		.where('status', '=', 'open');
	if (narrow.practitionerId) query = query.where('practitioner_id', '=', narrow.practitionerId);
	if (narrow.observerId) query = query.where('observer_id', '=', narrow.observerId);
	if (narrow.external) query = query.where('observer', '=', 'external');
	return query.returning(['practitioner_id', 'observer_name']).executeTakeFirst();
}

const notOpen = () =>
	new FieldError(
		'form',
		'This invitation is no longer open: it has been recorded, withdrawn or declined',
		409
	);

async function closed(tx: Db, actorId: string | null, id: string, action: string, now: Date) {
	await recordEvent(
		tx,
		{ actorId, action, subjectType: 'observation-invitation', subjectId: id },
		now
	);
}

/** The practitioner withdraws an invitation nobody has answered; a link sent stops working. */
export async function withdrawInvitation(
	db: Db,
	practitionerId: string,
	id: string,
	now = new Date()
) {
	await inTransaction(db, async (tx) => {
		if (!(await claimOpen(tx, id, 'withdrawn', now, { practitionerId }))) throw notOpen();
		await withdrawGuestLinks(tx, 'observation', [id], now);
		await closed(tx, practitionerId, id, 'observation.invitation-withdrawn', now);
	});
}

/**
 * A leaver's open invitations, to observe them or for them to observe, are withdrawn (by whoever
 * deactivated them), and a link sent to someone from outside stops working. How many.
 */
export async function withdrawInvitationsOfLeaver(
	tx: Db,
	actorId: string | null,
	personId: string,
	now: Date
) {
	const open = await tx
		.updateTable('observation_invitations')
		.set({ status: 'withdrawn', closed_at: timestamp(now) })
		.where('status', '=', 'open')
		.where((eb) => eb.or([eb('practitioner_id', '=', personId), eb('observer_id', '=', personId)]))
		.returning('id')
		.execute();
	const ids = open.map(({ id }) => id);
	await withdrawGuestLinks(tx, 'observation', ids, now);
	for (const id of ids) await closed(tx, actorId, id, 'observation.invitation-withdrawn', now);
	return ids.length;
}

/** The assessor or colleague invited says they will not observe. */
export async function declineInvitation(db: Db, observerId: string, id: string, now = new Date()) {
	await inTransaction(db, async (tx) => {
		if (!(await claimOpen(tx, id, 'declined', now, { observerId }))) throw notOpen();
		await closed(tx, observerId, id, 'observation.invitation-declined', now);
	});
}

/** The observation in the practitioner's portfolio, and the invitation pointing to it. */
async function saveObservation(
	tx: Db,
	id: string,
	observer: Observer,
	practitionerId: string,
	input: ObservationInput,
	now: Date,
	by: RecordedBy = {}
) {
	const evidenceId = await insertObservation(tx, observer, practitionerId, input, now, {
		...by,
		invitationId: id
	});
	await tx
		.updateTable('observation_invitations')
		.set({ evidence_id: evidenceId })
		.where('id', '=', id)
		.execute();
	return evidenceId;
}

/** Saves the invited assessor's or colleague's observation and closes the invitation. */
export async function recordInvitedObservation(
	db: Db,
	observerId: string,
	id: string,
	input: ObservationInput,
	now = new Date()
) {
	return inTransaction(db, async (tx) => {
		const invitation = await claimOpen(tx, id, 'recorded', now, { observerId });
		if (!invitation) throw notOpen();
		return saveObservation(tx, id, { id: observerId }, invitation.practitioner_id, input, now);
	});
}

/**
 * Saves an outside observer's observation, using up their link in the same transaction: null,
 * and nothing saved, when the link was used or stopped working meanwhile.
 */
export async function recordObservationByLink(
	db: Db,
	link: { id: string; subjectId: string },
	input: ObservationInput,
	anonymityConfirmed: boolean,
	now = new Date()
) {
	return inTransaction(db, async (tx) => {
		if (!(await spendGuestLink(tx, link.id, now))) return null;
		const id = link.subjectId;
		const invitation = await claimOpen(tx, id, 'recorded', now, { external: true });
		if (!invitation) throw notOpen();
		const observer = { id: null, name: invitation.observer_name ?? '' };
		return saveObservation(tx, id, observer, invitation.practitioner_id, input, now, {
			anonymityConfirmed
		});
	});
}
