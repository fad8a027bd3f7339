import { randomUUID } from 'node:crypto';
import { isHttpError, isRedirect, type Handle } from '@sveltejs/kit';
import { logger } from './logger';
import { requestDuration, requestErrors } from './metrics';

// A request id from the proxy is kept when it looks like one, so its logs and ours line up.
const requestIdPattern = /^[A-Za-z0-9._:-]{8,128}$/;
// Load balancers ask these every few seconds: their lines are for debugging only.
const probes = new Set(['/healthz', '/readyz']);

/**
 * Every request SvelteKit answers: one log line (its id, method, route id, status and duration)
 * and its time in the metrics; the id goes back in X-Request-Id. The route id (`/portfolio/[id]`)
 * stands for the path, so no record id, link token or query string is logged.
 */
export const observe: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const given = event.request.headers.get('x-request-id') ?? '';
	const requestId = requestIdPattern.test(given) ? given : randomUUID();
	const route = event.route.id ?? 'none';
	const method = event.request.method;
	const done = (status: number) => {
		const ms = Math.round((performance.now() - started) * 10) / 10;
		requestDuration.observe({ method, route, status }, ms / 1000);
		if (status >= 500) requestErrors.inc({ route });
		const level = probes.has(route) && status < 500 ? 'debug' : 'info';
		logger[level]({ requestId, method, route, status, ms }, 'request');
	};
	try {
		const response = await resolve(event);
		response.headers.set('x-request-id', requestId);
		done(response.status);
		return response;
	} catch (error) {
		// A refusal or a redirect thrown by a later handle: SvelteKit answers it with its status.
		done(isHttpError(error) || isRedirect(error) ? error.status : 500);
		throw error;
	}
};
