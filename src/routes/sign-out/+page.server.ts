import { redirect } from '@sveltejs/kit';
import {
	deleteSessionCookie,
	invalidateSession,
	invalidateUserSessions
} from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a form post; a visit to the address goes to the account page.
export const load: PageServerLoad = () => redirect(303, '/account');

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.session) await invalidateSession(getDb(), locals.session.id);
		deleteSessionCookie(cookies, url);
		redirect(303, '/sign-in?signed-out');
	},
	everywhere: async ({ locals, cookies, url }) => {
		if (locals.user) await invalidateUserSessions(getDb(), locals.user.id);
		deleteSessionCookie(cookies, url);
		redirect(303, '/sign-in?signed-out');
	}
};
