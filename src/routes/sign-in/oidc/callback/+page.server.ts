import { error, redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '$lib/server/auth/redirect';
import { ssoSettings } from '$lib/server/auth/sign-in-settings';
import { startSession } from '$lib/server/auth/session';
import { finishSsoSignIn } from '$lib/server/auth/sso';
import { matchSsoPerson } from '$lib/server/auth/sso-people';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/**
 * Where the OpenID provider sends the browser back. A person it vouches for is signed in as for
 * a password and sent on; anyone else gets a page saying why not, and no account.
 */
export const load: PageServerLoad = async ({ cookies, url, locals }) => {
	const settings = ssoSettings();
	if (!settings) error(404, 'Single sign-on is not set up.');
	const answer = await finishSsoSignIn(settings, cookies, url);
	if (!answer.ok) return { problem: answer.reason, email: null, label: settings.label };
	const db = getDb();
	const match = await matchSsoPerson(db, answer.identity);
	if (!match.ok)
		return { problem: match.reason, email: answer.identity.verifiedEmail, label: settings.label };
	await startSession(db, cookies, url, match.userId, 'oidc', locals.session);
	// Checked when the sign-in began, and again: the cookie came back from the browser.
	redirect(303, safeRedirectPath(answer.redirectTo));
};
