import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { cpdFormats, downloadCpdYear } from '$lib/server/cpd/export';
import { cpdYearOf, yearAsked } from '$lib/server/cpd/year';
import { isKeyOf } from '$lib/server/forms';
import type { RequestHandler } from './$types';

/**
 * The signed-in person's CPD in one registration year (`year`, the year it ends in; the current
 * one if not given), as `format=csv` (the default) or `format=pdf`, to download.
 */
export const GET: RequestHandler = async ({ url }) => {
	const user = requireUser();
	const year = yearAsked(url.searchParams.get('year'));
	if ('problem' in year) error(400, year.problem);
	const format = url.searchParams.get('format') ?? 'csv';
	if (!isKeyOf(cpdFormats, format))
		error(400, 'Ask for the CPD year as format=csv (a spreadsheet) or format=pdf (a document).');
	const cpd = await cpdYearOf(getDb(), user.id, year.name);
	if (!cpd.person.sweNumber)
		error(
			403,
			'There is no Social Work England registration number on your account, so there is no CPD year to download. An administrator can add it.'
		);
	const file = await downloadCpdYear(getDb(), user.id, cpd, format);
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': file.type,
			'content-length': String(file.bytes.length),
			'content-disposition': `attachment; filename="${file.name}"`,
			'cache-control': 'private, no-store'
		}
	});
};
