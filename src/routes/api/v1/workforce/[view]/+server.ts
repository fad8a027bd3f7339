import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { isWorkforceView, workforceView } from '$lib/server/workforce';
import { requireWorkforceApi } from '$lib/server/workforce/access';
import { dateOnly } from '$lib/server/db/time';
import { teamName } from '$lib/server/people/teams';
import { csvFileName, tableOf, toCsv } from '$lib/server/workforce/figures';
import type { ViewJson } from '$lib/server/workforce/view-json';
import type { RequestHandler } from './$types';

/**
 * The figures of a workforce view as JSON, `{ view, title, filters, tables: [{ id, title,
 * columns, rows }] }`, or one table as CSV with `?format=csv&table=<id>`. The same query
 * parameters as the page (team, stage, programme, period, grain, quarter).
 */
export const GET: RequestHandler = async (event) => {
	await requireWorkforceApi(event);
	const { params, url } = event;
	if (!isWorkforceView(params.view))
		error(404, `There is no workforce view called “${params.view}”.`);
	const view = await workforceView(getDb(), params.view, url.searchParams);
	const headers = { 'cache-control': 'private, no-store' };
	if (url.searchParams.get('format') !== 'csv')
		return new Response(JSON.stringify(view satisfies ViewJson), {
			headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }
		});
	const id = url.searchParams.get('table') ?? view.tables[0].id;
	const table = tableOf(view, id);
	if (!table) error(404, `The ${view.title.toLowerCase()} view has no table called “${id}”.`);
	const team = view.filters.team ? await teamName(getDb(), view.filters.team) : undefined;
	const name = csvFileName(view, table.id, dateOnly(), team ?? undefined);
	return new Response(toCsv(table), {
		headers: {
			...headers,
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`
		}
	});
};
