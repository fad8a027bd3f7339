import { error } from '@sveltejs/kit';
import { canDownloadPortfolio, requireUser } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { answerPdfRequest } from '$lib/server/export/pdf-download';
import { pdfResponse } from '$lib/server/http/pdf-response';
import type { RequestHandler } from './$types';

/** The moderation panel pack as a PDF: for the practitioner, those supervising or assessing them, and administrators. */
export const GET: RequestHandler = async ({ params, url }) => {
	const user = requireUser();
	if (!(await canDownloadPortfolio(getDb(), user, params.practitionerId)))
		error(
			403,
			'Only the practitioner, their supervisors and assessor, and administrators can download this pack.'
		);
	const answer = await answerPdfRequest(getDb(), {
		viewerId: user.id,
		ownerId: params.practitionerId,
		kind: 'pack',
		href: url.pathname,
		back:
			user.id === params.practitionerId
				? '/portfolio/programme/pack'
				: `/supervision/${params.practitionerId}/pack`
	});
	return pdfResponse(answer, 'There is no such person.');
};
