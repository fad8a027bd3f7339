import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { listOutbox } from '$lib/server/mail/outbox';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	requireRole('admin');
	return { messages: await listOutbox(getDb()), smtp: Boolean(process.env.SMTP_URL) };
};
