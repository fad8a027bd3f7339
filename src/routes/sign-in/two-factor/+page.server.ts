import { redirect, type Cookies } from '@sveltejs/kit';
import {
	deletePendingSignInCookie,
	endPendingSignIn,
	findPendingSignIn,
	pendingSignInToken
} from '$lib/server/auth/pending-sign-in';
import { safeRedirectPath } from '$lib/server/auth/redirect';
import { checkSecondFactor, codeRefusal } from '$lib/server/auth/second-factor';
import { startSession } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { invalid, readFormData, textOf } from '$lib/server/forms';
import { withNotice } from '$lib/notice';
import type { Actions, PageServerLoad } from './$types';

// The second step of a password sign-in, for someone with a second factor: the pending sign-in
// the password started (a cookie naming a row that lasts 10 minutes) becomes a session only
// when a code is right. SSO sign-ins never come here: the identity provider asks for its own.

const timedOut = '/sign-in?timed-out';

async function pendingSignIn(cookies: Cookies, url: URL) {
	const token = pendingSignInToken(cookies, url);
	return token ? findPendingSignIn(getDb(), token) : undefined;
}

export const load: PageServerLoad = async ({ locals, cookies, url }) => {
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')));
	if (!(await pendingSignIn(cookies, url))) redirect(303, timedOut);
	return {};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const pending = await pendingSignIn(cookies, url);
		if (!pending) redirect(303, timedOut);
		const code = textOf(await readFormData(request), 'code');
		if (!code) return invalid({ code }, { code: 'Enter the code from your authenticator app' });
		const db = getDb();
		const check = await checkSecondFactor(
			db,
			{ id: pending.userId, email: pending.email },
			code,
			getClientAddress()
		);
		if (!check.ok) {
			const { message, status } = codeRefusal(check);
			return invalid({ code }, { code: message }, status);
		}
		// Another request with a right code ended it first: that one signed in, not this.
		if (!(await endPendingSignIn(db, pending.id))) redirect(303, timedOut);
		deletePendingSignInCookie(cookies, url);
		await startSession(db, cookies, url, pending.userId, 'password', locals.session);
		// A recovery code used is worth knowing about: the page says how many are left.
		redirect(
			303,
			check.used === 'recovery-code'
				? withNotice('/account/two-factor', 'recovery-code-used')
				: safeRedirectPath(url.searchParams.get('redirectTo'))
		);
	}
};
