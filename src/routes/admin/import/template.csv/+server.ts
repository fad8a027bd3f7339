import { requireRole } from '$lib/server/auth/access';
import { templateCsv } from '$lib/server/people/import/columns';
import type { RequestHandler } from './$types';

/** The staff file's template: its header row, to fill in or to map HR's export to. */
export const GET: RequestHandler = () => {
	requireRole('admin');
	return new Response(templateCsv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="golden-thread-staff.csv"'
		}
	});
};
