import type { Db } from '../db';
import { sendMail, sendMails } from '../mail/outbox';
import { createOneTimeLink, createOneTimeLinks } from './one-time-link';

/**
 * Whether new people are sent an invitation to set a password: not under single sign-on
 * (OIDC_ISSUER set), where they sign in with their council account instead.
 */
export const invitesByEmail = () => !process.env.OIDC_ISSUER?.trim();

/**
 * The words for someone added who has not signed in yet: invited to set a password, or, under
 * single sign-on, yet to sign in with their council account for the first time.
 */
export function firstSignInWords() {
	return invitesByEmail()
		? {
				tag: 'Invited',
				status: 'Invited, has not yet set a password',
				yetTo: 'yet to set a password',
				allDone: 'Everyone invited has set a password.'
			}
		: {
				tag: 'Not signed in yet',
				status: 'Added, has not yet signed in',
				yetTo: 'yet to sign in',
				allDone: 'Everyone added has signed in.'
			};
}

/** Emails a new person a link to set their password (kept in the outbox without SMTP). */
export async function sendInvitation(
	db: Db,
	user: { id: string; email: string; name: string },
	origin: string
) {
	await sendInvitations(db, [user], origin);
}

/** Emails each of many new people their link, the links made at once (an import's new people). */
export async function sendInvitations(
	db: Db,
	users: { id: string; email: string; name: string }[],
	origin: string
) {
	const tokens = await createOneTimeLinks(
		db,
		users.map((u) => u.id),
		'invite'
	);
	await sendMails(
		db,
		users.map((user, n) => ({
			to: user.email,
			subject: 'You have been invited to Golden Thread',
			body: [
				`Dear ${user.name},`,
				'',
				'You have been given an account on Golden Thread, the learning and CPD portfolio.',
				'Set your password here (the link works once, for 7 days):',
				'',
				`${origin}/set-password/${tokens[n]}`
			].join('\n')
		}))
	);
}

/** Emails a reset link if the address belongs to an active person; says nothing otherwise. */
export async function sendPasswordReset(db: Db, email: string, origin: string) {
	const user = await db
		.selectFrom('users')
		.select(['id', 'email', 'name'])
		.where('email', '=', email)
		.where('active', '=', 1)
		.executeTakeFirst();
	if (!user) return;
	const token = await createOneTimeLink(db, user.id, 'reset');
	await sendMail(db, {
		to: user.email,
		subject: 'Reset your Golden Thread password',
		body: [
			`Dear ${user.name},`,
			'',
			'Someone asked to reset the password for this account. If it was you, set a new password here',
			'(the link works once, for 1 hour):',
			'',
			`${origin}/set-password/${token}`,
			'',
			'If it was not you, you can ignore this email: your password has not changed.'
		].join('\n')
	});
}
