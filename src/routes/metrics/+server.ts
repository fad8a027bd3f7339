import { error } from '@sveltejs/kit';
import { logger } from '$lib/server/ops/logger';
import { metricsAccess, metricsText, registry } from '$lib/server/ops/metrics';
import type { RequestHandler } from './$types';

/**
 * Prometheus metrics, for whoever has METRICS_TOKEN (`Authorization: Bearer <token>`). Without
 * METRICS_TOKEN the page is not there (404); with it, a request without the token gets 401.
 * With several server processes, every process's figures added up.
 */
export const GET: RequestHandler = async ({ request }) => {
	const access = metricsAccess(request);
	if (access === 'none') error(404, 'Not found');
	if (access === 'no')
		return new Response('Send the metrics token: Authorization: Bearer <METRICS_TOKEN>\n', {
			status: 401,
			headers: { 'www-authenticate': 'Bearer', 'content-type': 'text/plain; charset=utf-8' }
		});
	let text: string;
	try {
		text = await metricsText();
	} catch (failed) {
		// A server process did not answer in time: no figures rather than some of them.
		logger.warn({ err: (failed as Error).message }, 'metrics not gathered');
		return new Response('The server processes did not all answer; try again\n', {
			status: 503,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
		});
	}
	return new Response(text, {
		headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' }
	});
};
