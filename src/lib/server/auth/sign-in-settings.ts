import { error } from '@sveltejs/kit';
import { isLoopbackHost } from '../http/origin.js';

// How people sign in, from the environment: single sign-on by OpenID Connect when OIDC_ISSUER
// is set, and passwords unless PASSWORD_SIGN_IN=off. Read on every use (they are cheap to
// read), and checked once at start-up so a wrong setting stops the server with a message.

type Env = Record<string, string | undefined>;

export interface SsoSettings {
	issuer: URL;
	clientId: string;
	clientSecret: string;
	/** The button's text on the sign-in page. */
	label: string;
}

export const defaultSsoLabel = 'Sign in with your council account';

/** The OpenID provider's settings, or null when single sign-on is not set up. */
export function ssoSettings(env: Env = process.env): SsoSettings | null {
	const issuer = env.OIDC_ISSUER?.trim();
	if (!issuer) return null;
	let url: URL;
	try {
		url = new URL(issuer);
	} catch {
		throw new Error(`OIDC_ISSUER is not a web address: ${issuer}`);
	}
	// Tokens and keys fetched over plain HTTP could be changed on the way; a provider on this
	// machine is for tests.
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.host)))
		throw new Error(`OIDC_ISSUER must start with https:// (http:// only on localhost): ${issuer}`);
	const clientId = env.OIDC_CLIENT_ID?.trim();
	const clientSecret = env.OIDC_CLIENT_SECRET;
	if (!clientId || !clientSecret)
		throw new Error('OIDC_ISSUER is set: set OIDC_CLIENT_ID and OIDC_CLIENT_SECRET too');
	return { issuer: url, clientId, clientSecret, label: env.OIDC_LABEL?.trim() || defaultSsoLabel };
}

/** Whether the sign-in page offers the password form: unless PASSWORD_SIGN_IN=off. */
export function passwordSignInOn(env: Env = process.env): boolean {
	const setting = env.PASSWORD_SIGN_IN?.trim().toLowerCase() || 'on';
	if (setting !== 'on' && setting !== 'off')
		throw new Error(`PASSWORD_SIGN_IN must be on or off, not ${env.PASSWORD_SIGN_IN}`);
	return setting === 'on';
}

/** Throws, saying what to set, when the settings would leave nobody able to sign in. */
export function checkSignInSettings(env: Env = process.env) {
	const sso = ssoSettings(env);
	if (!passwordSignInOn(env) && !sso)
		throw new Error('PASSWORD_SIGN_IN=off leaves no way to sign in: set OIDC_ISSUER too');
}

/** For the password forms' actions: a 403 when passwords are turned off. */
export function requirePasswordSignIn() {
	if (!passwordSignInOn())
		error(403, 'Signing in with a password is turned off here: sign in with your council account.');
}
