import { frameworkFromUrl } from '$lib/server/framework';
import { frameworkToJson } from '$lib/server/framework/json';
import type { RequestHandler } from './$types';

const cache = new Map<string, string>();

export const GET: RequestHandler = ({ url }) => {
	const framework = frameworkFromUrl(url);
	// The framework never changes while the server runs, so serialise each version once.
	let body = cache.get(framework.version.id);
	if (!body) {
		body = JSON.stringify(frameworkToJson(framework));
		cache.set(framework.version.id, body);
	}
	return new Response(body, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'cache-control': 'public, max-age=300'
		}
	});
};
