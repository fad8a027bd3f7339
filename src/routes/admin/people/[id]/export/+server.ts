import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { exportPortfolio } from '$lib/server/export/portfolio-zip';
import { portfolioPdf } from '$lib/server/export/portfolio-pdf';
import { zipDownload } from '$lib/server/http/download';
import { getPerson } from '$lib/server/people/users';
import type { RequestHandler } from './$types';

/** Someone's portfolio as data, for a subject access request: in the event log as the admin's. */
export const GET: RequestHandler = async ({ params, url }) => {
	const admin = requireRole('admin');
	const db = getDb();
	const person = await getPerson(db, params.id);
	if (!person) error(404, 'There is nobody with this id.');
	const { fileName, stream } = await exportPortfolio(db, {
		actorId: admin.id,
		ownerId: person.id,
		origin: url.origin,
		pdf: () => portfolioPdf(db, person.id)
	});
	return zipDownload(fileName, stream);
};
