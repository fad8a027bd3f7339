import { redirect } from '@sveltejs/kit';
import {
	deleteSessionCookie,
	invalidateSession,
	invalidateUserSessions
} from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';
import { readFormData } from '$lib/server/forms';

// Signing out changes state, so it is a form post; a visit to the address goes to the account page.
export const load: PageServerLoad = () => redirect(303, '/account');

export const actions: Actions = {
	/** Ends this session, or with `scope=everywhere`, every session the person has. */
	default: async ({ locals, cookies, url, request }) => {
		const everywhere = (await readFormData(request)).get('scope') === 'everywhere';
		if (everywhere && locals.user) await invalidateUserSessions(getDb(), locals.user.id);
		else if (locals.session) await invalidateSession(getDb(), locals.session.id);
		deleteSessionCookie(cookies, url);
		redirect(303, '/sign-in?signed-out');
	}
};
