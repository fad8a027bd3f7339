import { requirePortfolioOwner } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { answerPdfRequest } from '$lib/server/export/pdf-download';
import { frameworkFromUrl } from '$lib/server/framework';
import { pdfResponse } from '$lib/server/http/pdf-response';
import type { RequestHandler } from './$types';

/**
 * Your own portfolio as a PDF: all of it, or one programme period (`?period=`), its coverage in
 * the framework version in use or the one asked for (`?version=`).
 */
export const GET: RequestHandler = async ({ url }) => {
	const user = await requirePortfolioOwner();
	const period = url.searchParams.get('period') || undefined;
	const answer = await answerPdfRequest(getDb(), {
		viewerId: user.id,
		ownerId: user.id,
		kind: 'portfolio',
		period,
		framework: frameworkFromUrl(url),
		href: url.pathname + url.search,
		back: '/portfolio'
	});
	return pdfResponse(answer, 'There is no such programme period in your portfolio.');
};
