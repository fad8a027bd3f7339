import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { startPendingSignIn } from '$lib/server/auth/pending-sign-in';
import { safeRedirectPath } from '$lib/server/auth/redirect';
import { checkCredentials } from '$lib/server/auth/sign-in';
import { hasTwoFactor } from '$lib/server/auth/two-factor';
import {
	passwordSignInOn,
	requirePasswordSignIn,
	ssoSettings
} from '$lib/server/auth/sign-in-settings';
import { startSession } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { invalid, parseForm, readFormData, required } from '$lib/server/forms';
import { formatTime } from '$lib/format';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const redirectTo = url.searchParams.get('redirectTo');
	if (locals.user) redirect(303, safeRedirectPath(redirectTo));
	const sso = ssoSettings();
	return {
		signedOut: url.searchParams.has('signed-out'),
		timedOut: url.searchParams.has('timed-out'),
		passwordSignIn: passwordSignInOn(),
		// The page to come back to goes with the person through the provider and back.
		sso: sso && {
			label: sso.label,
			href: redirectTo
				? `/sign-in/oidc?${new URLSearchParams({ redirectTo: safeRedirectPath(redirectTo) })}`
				: '/sign-in/oidc'
		}
	};
};

const schema = z.object({
	email: required('Enter your email address', 254),
	password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password')
});

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		requirePasswordSignIn();
		const form = await readFormData(request);
		const parsed = parseForm(schema, form);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const { email, password } = parsed.data;
		const db = getDb();
		const result = await checkCredentials(db, email, password, getClientAddress());
		if (!result.ok) {
			const message =
				result.reason === 'blocked'
					? `Too many attempts to sign in. Try again after ${formatTime(result.retryAt)}.`
					: 'Enter a correct email address and password';
			return invalid({ email }, { email: message }, result.reason === 'blocked' ? 429 : 400);
		}
		const back = safeRedirectPath(url.searchParams.get('redirectTo'));
		// The password was right; for someone with a second factor, the session waits for its code.
		if (await hasTwoFactor(db, result.userId))
			redirect(303, await startPendingSignIn(db, cookies, url, result.userId, back));
		await startSession(db, cookies, url, result.userId, 'password', locals.session);
		redirect(303, back);
	}
};
