import { error } from '@sveltejs/kit';
import { formatDate } from '$lib/format';
import { requireUser } from '../auth/access';
import { getDb } from '../db';
import { openGuestLinkPage } from '../links/page';
import { findInvitation } from './invitation-lists';

// The pages an observer records an invitation on: signed in, as the assessor or colleague
// invited, or by an outside observer's link. Each is open only while the invitation is, and
// shows only the invitation: the practitioner's name, the day and the setting.

type Invitation = NonNullable<Awaited<ReturnType<typeof findInvitation>>>;

/** A kind page for an invitation that is no longer open (410). */
function closedPage(invitation: Invitation): never {
	const on = formatDate(invitation.closed_at);
	const why = {
		open: '',
		recorded: `The observation was recorded on ${on}: thank you.`,
		withdrawn: `${invitation.practitionerName} withdrew the invitation on ${on}.`,
		declined: `The invitation was declined on ${on}.`
	}[invitation.status];
	error(410, { title: 'This invitation is closed', message: why });
}

/**
 * The signed-in person and the invitation, if it is theirs to record and still open: 404 for
 * no such invitation, 403 for someone else's, 410 for one closed. For load and every action.
 */
export async function requireInvitationToObserve(id: string) {
	const user = requireUser();
	const invitation = await findInvitation(getDb(), id);
	if (!invitation) error(404, 'There is no such invitation.');
	if (invitation.observer_id !== user.id)
		error(403, 'This invitation is for someone else: only the person invited can open it.');
	if (invitation.status !== 'open') closedPage(invitation);
	return { user, invitation };
}

/** The open link and its invitation, for an outside observer's page and its action. */
export async function requireInvitationByLink() {
	const link = await openGuestLinkPage('observation');
	const invitation = await findInvitation(getDb(), link.subjectId);
	if (!invitation) error(404, 'This link is not recognised.');
	if (invitation.status !== 'open') closedPage(invitation);
	return { link, invitation };
}
