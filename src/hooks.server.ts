import { error, redirect, type Handle, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import {
	deleteSessionCookie,
	sessionCookieName,
	validateSessionToken
} from '$lib/server/auth/session';
import { bearerToken } from '$lib/server/auth/api-user';
import {
	mustSetUpTwoFactor,
	reachableBeforeSetUp,
	readRequiredRoles
} from '$lib/server/auth/two-factor-policy';
import { checkSignInSettings } from '$lib/server/auth/sign-in-settings';
import { getDb } from '$lib/server/db';
import {
	fallbackContentSecurityPolicy,
	securityHeaders
} from '$lib/server/http/security-headers.js';
import { startDatabase } from '$lib/server/db/start';
import { startFileStore } from '$lib/server/portfolio/file-sweep';
import { sendReviewReminders } from '$lib/server/programme/reminders';
import { sendCpdReminders } from '$lib/server/cpd/reminders';
import { publicOrigin } from '$lib/server/http/origin.js';
import { runOnceAcrossServers } from '$lib/server/schedule/once';
import { observe } from '$lib/server/ops/observe';

const remindEvery = 6 * 3_600_000;

export const init: ServerInit = async () => {
	try {
		// A misspelt role would leave it without its second factor: stop before serving.
		readRequiredRoles();
		checkSignInSettings();
		await startDatabase(getDb());
		// Before the first answer, so nothing a crash left in the file store outlives a restart.
		await startFileStore(getDb());
	} catch (cause) {
		// A server on a half-migrated or unreachable database (or an unreadable file store)
		// would lose work: stop instead.
		console.error(`Golden Thread cannot start: ${(cause as Error).message}`);
		process.exit(1);
	}
	// Review and CPD reminders go out at start-up and every six hours, from one server of
	// however many share the database (a lease); each reminder is sent once.
	const remind = () =>
		runOnceAcrossServers(getDb(), 'reminders', remindEvery, async () => {
			await sendReviewReminders(getDb(), publicOrigin()).catch((error) =>
				console.error(`Review reminders failed: ${(error as Error).message}`)
			);
			await sendCpdReminders(getDb(), publicOrigin()).catch((error) =>
				console.error(`CPD reminders failed: ${(error as Error).message}`)
			);
		}).catch((error) => console.error(`Reminders not run: ${(error as Error).message}`));
	await remind();
	setInterval(remind, remindEvery).unref();
	// After the last request in flight on SIGTERM or SIGINT: close the database cleanly.
	process.once('sveltekit:shutdown', () => void getDb().destroy());
};

const session: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(sessionCookieName(event.url)) ?? null;
	event.locals.user = null;
	event.locals.session = null;
	if (token) {
		const valid = await validateSessionToken(getDb(), token);
		if (valid) {
			event.locals.user = valid.user;
			event.locals.session = valid.session;
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};

/**
 * Someone whose role requires a second factor and who has none reaches nothing but the page
 * that sets one up, and signing out, until they have set it up: pages and form posts are sent
 * there, the JSON API refuses. Checked here, once, rather than by every page.
 */
const secondFactorFirst: Handle = async ({ event, resolve }) => {
	const { user, session } = event.locals;
	if (
		user &&
		session &&
		!reachableBeforeSetUp(event.url.pathname) &&
		(await mustSetUpTwoFactor(getDb(), user, session))
	) {
		if (event.url.pathname.startsWith('/api/'))
			error(403, 'Set up two-factor authentication at /account/two-factor first.');
		redirect(303, '/account/two-factor');
	}
	return resolve(event);
};

/**
 * SvelteKit checks the origin of form posts only; JSON endpoints that change data get the
 * same check here, so another site cannot make a signed-in browser change records. A request
 * with an API token is exempt: another site cannot send the header without the browser asking
 * first (and being refused), and such a request is answered as the token's owner only.
 */
const jsonOrigin: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	if (
		url.pathname.startsWith('/api/') &&
		!['GET', 'HEAD', 'OPTIONS'].includes(request.method) &&
		!bearerToken(request)
	) {
		const origin = request.headers.get('origin');
		if (origin !== url.origin) error(403, 'Cross-site requests are not allowed.');
	}
	return resolve(event);
};

/**
 * Security headers on every answer SvelteKit gives (`server/index.js` adds them to static files
 * too); pages carry their Content-Security-Policy from `kit.csp`, anything else a policy that
 * lets nothing run.
 */
const addSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const https = event.url.protocol === 'https:';
	for (const [name, value] of Object.entries(securityHeaders({ https }))) {
		response.headers.set(name, value);
	}
	if (!response.headers.has('content-security-policy')) {
		response.headers.set('content-security-policy', fallbackContentSecurityPolicy);
	}
	if (event.locals.user) response.headers.set('cache-control', 'private, no-store');
	return response;
};

export const handle = sequence(observe, session, secondFactorFirst, jsonOrigin, addSecurityHeaders);
