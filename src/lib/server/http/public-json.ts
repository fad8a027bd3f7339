// JSON that does not change while the server runs (a framework version, the OpenAPI document):
// serialised once per key, and cacheable by anyone for five minutes.

const bodies = new Map<string, string>();

export function publicJson(key: string, build: () => unknown): Response {
	let body = bodies.get(key);
	if (!body) {
		body = JSON.stringify(build());
		bodies.set(key, body);
	}
	return new Response(body, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'cache-control': 'public, max-age=300'
		}
	});
}
