import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { readiness } from '$lib/server/ops/readiness';
import { filesDir } from '$lib/server/portfolio/attachments';
import type { RequestHandler } from './$types';

/**
 * Readiness: the database and file store can be reached and the migrations are current; 503,
 * naming the check that fails, when not. Public: it says nothing about anyone.
 */
export const GET: RequestHandler = async () => {
	const ready = await readiness(getDb(), filesDir());
	return json(ready, {
		status: ready.status === 'ok' ? 200 : 503,
		headers: { 'cache-control': 'no-store' }
	});
};
