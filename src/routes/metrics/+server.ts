import { error } from '@sveltejs/kit';
import { metricsAccess, registry } from '$lib/server/ops/metrics';
import type { RequestHandler } from './$types';

/**
 * Prometheus metrics, for whoever has METRICS_TOKEN (`Authorization: Bearer <token>`). Without
 * METRICS_TOKEN the page is not there (404); with it, a request without the token gets 401.
 */
export const GET: RequestHandler = async ({ request }) => {
	const access = metricsAccess(request);
	if (access === 'none') error(404, 'Not found');
	if (access === 'no')
		return new Response('Send the metrics token: Authorization: Bearer <METRICS_TOKEN>\n', {
			status: 401,
			headers: { 'www-authenticate': 'Bearer', 'content-type': 'text/plain; charset=utf-8' }
		});
	return new Response(await registry.metrics(), {
		headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' }
	});
};
