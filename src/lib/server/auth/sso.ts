import type { Cookies } from '@sveltejs/kit';
import * as client from 'openid-client';
import { hours, minutes } from '../db/time';
import { safeRedirectPath } from './redirect';
import { identityOf, type SsoIdentity } from './sso-identity';
import type { SsoSettings } from './sign-in-settings';

// Single sign-on by OpenID Connect, with openid-client: the authorisation code flow with PKCE,
// a state and a nonce. The client checks the answer's state and issuer, and the ID token's
// signature (against the provider's published keys), issuer, audience, nonce and times; the
// email comes from the ID token, or else from the UserInfo endpoint for the same subject.

export const callbackPath = '/sign-in/oidc/callback';
const scope = 'openid email profile';

// The provider's discovery document, fetched once and again daily; a failure is not kept, so
// the next sign-in asks again.
const rediscoverAfter = hours(24);
let discovered: { key: string; at: number; configuration: Promise<client.Configuration> } | null =
	null;

function configurationFor(settings: SsoSettings): Promise<client.Configuration> {
	const key = `${settings.issuer.href} ${settings.clientId} ${settings.clientSecret}`;
	if (discovered?.key === key && Date.now() - discovered.at < rediscoverAfter)
		return discovered.configuration;
	const configuration = client.discovery(
		settings.issuer,
		settings.clientId,
		settings.clientSecret,
		client.ClientSecretPost(),
		{
			execute: [
				client.enableNonRepudiationChecks,
				// Only a provider on this machine, for tests: ssoSettings refuses any other http:// one.
				...(settings.issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [])
			]
		}
	);
	discovered = { key, at: Date.now(), configuration };
	configuration.catch(() => {
		if (discovered?.configuration === configuration) discovered = null;
	});
	return configuration;
}

/**
 * What the browser keeps between leaving for the provider and coming back: the state, nonce
 * and PKCE verifier, and the page to go to after. In a cookie rather than the database, so an
 * abandoned sign-in leaves nothing behind and nothing need be cleared away: it is HttpOnly,
 * lasts ten minutes, is read once, and is `SameSite=Lax` so that it comes back on the
 * provider's redirect (a top-level GET) but on no request another site starts otherwise. It
 * ties the answer to the browser that asked: a code and state sent to someone else's browser
 * find no cookie, or one with another state.
 */
interface Pending {
	state: string;
	nonce: string;
	verifier: string;
	redirectTo: string;
}

const pendingLifetime = minutes(10);

// Behind HTTPS, `__Host-` keeps a neighbouring subdomain from setting it.
const pendingCookieName = (url: URL) =>
	url.protocol === 'https:' ? '__Host-sso-pending' : 'sso-pending';

/**
 * Where to send the browser to sign in at the provider, keeping the flow's secrets in a cookie;
 * null when the provider's discovery document cannot be had.
 */
export async function startSsoSignIn(
	settings: SsoSettings,
	cookies: Cookies,
	url: URL,
	redirectTo: string | null
): Promise<URL | null> {
	const configuration = await configurationFor(settings).catch((error) => {
		console.warn(`Single sign-on provider not reachable: ${describe(error)}`);
		return null;
	});
	if (!configuration) return null;
	const pending: Pending = {
		state: client.randomState(),
		nonce: client.randomNonce(),
		verifier: client.randomPKCECodeVerifier(),
		redirectTo: safeRedirectPath(redirectTo)
	};
	cookies.set(pendingCookieName(url), JSON.stringify(pending), {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: pendingLifetime / 1000
	});
	return client.buildAuthorizationUrl(configuration, {
		redirect_uri: new URL(callbackPath, url).href,
		response_type: 'code',
		scope,
		state: pending.state,
		nonce: pending.nonce,
		code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
		code_challenge_method: 'S256'
	});
}

export type SsoAnswer =
	| { ok: true; identity: SsoIdentity; redirectTo: string }
	| { ok: false; reason: 'expired' | 'refused' };

/**
 * Checks the provider's answer at the callback (`url`, with its query) and exchanges the code
 * for an ID token. The cookie is used up whatever happens, so an answer is tried once.
 */
export async function finishSsoSignIn(
	settings: SsoSettings,
	cookies: Cookies,
	url: URL
): Promise<SsoAnswer> {
	const pending = readPending(cookies.get(pendingCookieName(url)));
	cookies.delete(pendingCookieName(url), { path: '/', secure: url.protocol === 'https:' });
	if (!pending) return { ok: false, reason: 'expired' };
	try {
		const configuration = await configurationFor(settings);
		const tokens = await client.authorizationCodeGrant(configuration, url, {
			expectedState: pending.state,
			expectedNonce: pending.nonce,
			pkceCodeVerifier: pending.verifier,
			idTokenExpected: true
		});
		const idToken = tokens.claims();
		if (!idToken) throw new Error('no ID token');
		// Some providers put the email in the ID token (Entra ID, Google); others, as the standard
		// allows when an access token is issued too, only at the UserInfo endpoint, whose answer
		// must be about the same subject. The signed ID token's claims come first.
		const claims =
			idToken.email === undefined
				? {
						...(await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub)),
						...idToken
					}
				: idToken;
		const issuer = configuration.serverMetadata().issuer;
		return {
			ok: true,
			identity: identityOf(issuer, settings.clientId, claims),
			redirectTo: pending.redirectTo
		};
	} catch (error) {
		// For whoever runs the service: the provider's or the client's reason, never a token.
		console.warn(`Single sign-on refused: ${describe(error)}`);
		return { ok: false, reason: 'refused' };
	}
}

function readPending(value: string | undefined): Pending | null {
	if (!value) return null;
	try {
		const pending = JSON.parse(value) as Partial<Pending>;
		const { state, nonce, verifier, redirectTo } = pending;
		return [state, nonce, verifier, redirectTo].every((part) => typeof part === 'string')
			? (pending as Pending)
			: null;
	} catch {
		return null;
	}
}

/** An error's message, its OAuth error and code, and the same of its causes. */
function describe(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	const { code, error: oauthError } = error as Error & { code?: string; error?: string };
	const said = [error.message, oauthError, code].filter(Boolean).join(' – ');
	return error.cause ? `${said}: ${describe(error.cause)}` : said;
}
