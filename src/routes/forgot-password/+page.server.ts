import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { sendPasswordReset } from '$lib/server/auth/invitations';
import { claimSignInAttempt } from '$lib/server/auth/rate-limit';
import { passwordSignInOn, requirePasswordSignIn } from '$lib/server/auth/sign-in-settings';
import { getDb } from '$lib/server/db';
import { emailField, invalid, parseForm, readFormData } from '$lib/server/forms';
import { formatTime } from '$lib/format';
import type { Actions, PageServerLoad } from './$types';

// With passwords turned off, a password is of no use: the sign-in page offers single sign-on.
export const load: PageServerLoad = () => {
	if (!passwordSignInOn()) redirect(303, '/sign-in');
};

const schema = z.object({ email: emailField('Enter your email address') });

export const actions: Actions = {
	default: async ({ request, url, getClientAddress }) => {
		requirePasswordSignIn();
		const parsed = parseForm(schema, await readFormData(request));
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const { email } = parsed.data;
		const claim = await claimSignInAttempt(getDb(), email, getClientAddress(), new Date(), 'reset');
		if (!claim.ok) {
			const wait = `Too many links asked for. Try again after ${formatTime(claim.retryAt)}.`;
			return invalid({ email }, { email: wait }, 429);
		}
		// The same answer whether or not the address has an account, so it reveals nothing.
		await sendPasswordReset(getDb(), email, url.origin);
		return { sent: email };
	}
};
