import { formatDate } from '$lib/format';
import type { Db } from '../db';
import { addDays, addMs } from '../db/time';
import { guestLinkLifetime } from '../links/guest-links';
import { sendMail } from '../mail/outbox';
import type { InvitationInput } from './invitations';

/**
 * How long an outside observer's link works: 14 days, or to the end of the 14th day after the
 * planned day when that is later, since they write the observation up after it has happened.
 */
export function observationLinkLifetime(plannedOn: string, now: Date) {
	const untilAfter = Date.parse(`${addDays(plannedOn, 14)}T23:59:59Z`) - now.getTime();
	return Math.max(guestLinkLifetime, untilAfter);
}

interface LinkToSend {
	token: string;
	origin: string;
	practitionerId: string;
	input: InvitationInput;
}

/** Emails an outside observer their link, through the outbox. */
export async function sendObservationLink(
	db: Db,
	{ token, origin, practitionerId, input }: LinkToSend,
	now = new Date()
) {
	const practitioner = await db
		.selectFrom('users')
		.select('name')
		.where('id', '=', practitionerId)
		.executeTakeFirstOrThrow();
	const until = addMs(now, observationLinkLifetime(input.plannedOn, now));
	await sendMail(
		db,
		{
			to: input.observerEmail,
			subject: `${practitioner.name} asked you to observe their practice`,
			body: [
				`Dear ${input.observerName},`,
				'',
				`${practitioner.name}, a social worker, has asked you to observe their practice: ${input.setting}, on ${formatDate(input.plannedOn)}.`,
				'',
				'Afterwards, write what went well and what they could develop, using this link. You do not need an account.',
				`The link works once, until ${formatDate(until)}:`,
				'',
				`${origin}/observe/${token}`,
				'',
				'Please leave out the names, addresses and other details of the children and families you meet.',
				'',
				'If you were not expecting this email, you can ignore it.'
			].join('\n')
		},
		now
	);
}
