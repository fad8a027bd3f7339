import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { getDb } from '../db';
import { formatDate, formatTime } from '$lib/format';
import { openGuestLink, type GuestLinkPurpose } from './guest-links';

/**
 * The open link a page or form post was reached by; otherwise a kind page that says plainly what
 * happened: used (410, with thanks), expired (410), not a link (404), or too many guesses from
 * this address (429). Pages reached by a link call this in load and again in their action.
 */
export async function openGuestLinkPage(purpose: GuestLinkPurpose) {
	const { params, getClientAddress } = getRequestEvent();
	const link = await openGuestLink(getDb(), params.token ?? '', purpose, getClientAddress());
	if (link.state === 'open') return link;
	if (link.state === 'used')
		error(410, {
			title: 'This link has already been used',
			message:
				`Thank you: an answer was sent with this link on ${formatDate(link.usedAt)}, and each link works once.\n` +
				'If you want to add something, ask the person who sent it to you for a new link.'
		});
	if (link.state === 'expired')
		error(410, {
			title: 'This link has expired',
			message:
				`This link stopped working on ${formatDate(link.expiresAt)}.\n` +
				'Ask the person who sent it to you for a new link.'
		});
	if (link.state === 'limited')
		error(429, {
			title: 'Too many links tried',
			message: `Too many links that do not work were tried from here. Try again after ${formatTime(link.retryAt)}.`
		});
	error(404, 'This link is not recognised. Check you copied the whole link from the email.');
}
