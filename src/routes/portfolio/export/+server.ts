import { requirePortfolioOwner } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { exportPortfolio } from '$lib/server/export/portfolio-zip';
import { portfolioPdf } from '$lib/server/export/portfolio-pdf';
import { zipDownload } from '$lib/server/http/download';
import type { RequestHandler } from './$types';

/** Your portfolio as data: a ZIP to keep, or to take to another authority; anyone who keeps one. */
export const GET: RequestHandler = async ({ url }) => {
	const user = await requirePortfolioOwner();
	const db = getDb();
	const { fileName, stream } = await exportPortfolio(db, {
		actorId: user.id,
		ownerId: user.id,
		origin: url.origin,
		pdf: () => portfolioPdf(db, user.id)
	});
	return zipDownload(fileName, stream);
};
