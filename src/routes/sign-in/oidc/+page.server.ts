import { error, redirect } from '@sveltejs/kit';
import { ssoSettings } from '$lib/server/auth/sign-in-settings';
import { startSsoSignIn } from '$lib/server/auth/sso';
import type { PageServerLoad } from './$types';

/** Sends the browser to the OpenID provider; a page only when the provider cannot be reached. */
export const load: PageServerLoad = async ({ cookies, url }) => {
	const settings = ssoSettings();
	if (!settings) error(404, 'Single sign-on is not set up.');
	const target = await startSsoSignIn(settings, cookies, url, url.searchParams.get('redirectTo'));
	if (target) redirect(302, target.href);
	return { label: settings.label, retry: url.pathname + url.search };
};
