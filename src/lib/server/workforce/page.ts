import { requireRole } from '../auth/access';
import { getDb } from '../db';
import { workforceView, type WorkforceView } from './index';

/** A workforce page's figures, for principal social workers only (403 for anyone else). */
export async function loadWorkforceView(name: WorkforceView, url: URL) {
	requireRole('psw');
	return { view: await workforceView(getDb(), name, url.searchParams) };
}
