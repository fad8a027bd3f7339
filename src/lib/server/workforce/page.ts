import { requireRole } from '../auth/access';
import { getDb } from '../db';
import { workforceView, type WorkforceView } from './index';

/**
 * A workforce page's figures, for principal social workers only (403 for anyone else). A paged
 * view shows its first page unless asked for another.
 */
export async function loadWorkforceView(name: WorkforceView, url: URL, paged = false) {
	requireRole('psw');
	const params = new URLSearchParams(url.searchParams);
	if (paged && !params.has('page')) params.set('page', '1');
	return { view: await workforceView(getDb(), name, params) };
}
