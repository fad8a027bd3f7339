import { error, json } from '@sveltejs/kit';
import { checkRefusals, checkTextBody } from '$lib/server/portfolio/anonymity-api';
import type { RequestHandler } from './$types';

/**
 * The anonymity check on one text: `{ text }` → `{ findings: [{ kind, start, end, match,
 * message }] }`; 400 `{ errors: [{ field, message }] }`. For someone signed in, from the
 * service's own pages (the origin is checked in hooks.server.ts): it is how the evidence form
 * warns as it is typed in. The person's own name is not taken for someone else's.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const user = locals.user;
	if (!user) error(401, checkRefusals.signedOut);
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return json({ errors: [checkRefusals.notAnObject] }, { status: 400 });
	}
	const answer = checkTextBody(body, [user.name]);
	return json(answer, { status: 'errors' in answer ? 400 : 200 });
};
