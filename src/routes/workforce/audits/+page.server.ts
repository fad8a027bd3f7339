import { pageOf, readPaging } from '$lib/paging';
import { getDb } from '$lib/server/db';
import { teamName } from '$lib/server/people/teams';
import { teamsByNeed } from '$lib/server/workforce/audit-teams';
import { tableOf } from '$lib/server/workforce/figures';
import { loadWorkforceView, tableHref, type ShownTable } from '$lib/server/workforce/page';
import type { PageServerLoad } from './$types';

// The teams lead with those most in need, ten at a time; each team's grades by period, which grows
// with the authority's teams, is on a page of its own and in the CSV. A team is chosen from them.
export const load: PageServerLoad = async ({ url }) => {
	const { view, summary: byNeed } = await loadWorkforceView('audits', url, (whole) =>
		teamsByNeed(tableOf(whole, 'teams')!)
	);
	const teams: ShownTable = {
		...byNeed,
		...pageOf(byNeed.rows, readPaging(url.searchParams, { size: 10 }))
	};
	const byPeriod = tableOf(view, 'teams') as ShownTable;
	return {
		view: {
			...view,
			tables: view.tables.map((table) => (table.id === 'teams' ? teams : table))
		},
		teamsByPeriod: {
			title: byPeriod.title,
			rows: byPeriod.paging.total,
			href: tableHref(view, 'teams')
		},
		team: await teamName(getDb(), view.filters.team ?? null)
	};
};
