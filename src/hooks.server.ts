import { error, type Handle, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import {
	deleteSessionCookie,
	sessionCookieName,
	validateSessionToken
} from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { startDatabase } from '$lib/server/db/start';
import { startFileStore } from '$lib/server/portfolio/file-sweep';
import { sendReviewReminders } from '$lib/server/programme/reminders';

export const init: ServerInit = async () => {
	try {
		await startDatabase(getDb());
		// Before the first answer, so nothing a crash left in the file store outlives a restart.
		await startFileStore(getDb());
	} catch (cause) {
		// A server on a half-migrated or unreachable database (or an unreadable file store)
		// would lose work: stop instead.
		console.error(`Golden Thread cannot start: ${(cause as Error).message}`);
		process.exit(1);
	}
	// Review reminders go out at start-up and every six hours; each is sent once.
	const remind = () =>
		sendReviewReminders(getDb(), process.env.ORIGIN ?? '').catch((error) =>
			console.error(`Review reminders failed: ${(error as Error).message}`)
		);
	await remind();
	setInterval(remind, 6 * 3_600_000).unref();
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
 * SvelteKit checks the origin of form posts only; JSON endpoints that change data get the
 * same check here, so another site cannot make a signed-in browser change records.
 */
const jsonOrigin: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	if (url.pathname.startsWith('/api/') && !['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
		const origin = request.headers.get('origin');
		if (origin !== url.origin) error(403, 'Cross-site requests are not allowed.');
	}
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('x-frame-options', 'DENY');
	response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	if (event.locals.user) response.headers.set('cache-control', 'private, no-store');
	return response;
};

export const handle = sequence(session, jsonOrigin, securityHeaders);
