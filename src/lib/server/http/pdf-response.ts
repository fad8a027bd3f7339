import { error, redirect } from '@sveltejs/kit';
import type { PdfAnswer } from '../export/pdf-download';

/**
 * A portfolio or pack as a PDF download; or, when it is being made in the background, a 303 to
 * the page that shows its progress; or a 404 saying what is missing.
 */
export function pdfResponse(answer: PdfAnswer, missing: string): Response {
	if (!answer) error(404, missing);
	if ('job' in answer) redirect(303, `/downloads/${answer.job.id}`);
	return new Response(new Uint8Array(answer.pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(answer.pdf.length),
			'content-disposition': `attachment; filename="${answer.filename}"`,
			'cache-control': 'private, no-store'
		}
	});
}
