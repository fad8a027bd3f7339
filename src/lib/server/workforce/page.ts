import { error } from '@sveltejs/kit';
import { pageBounds, pageOf, readPaging, type PageInfo } from '$lib/paging';
import { requireRole } from '../auth/access';
import { getDb } from '../db';
import { teamChoices } from '../people/teams';
import type { Table, View } from './figures';
import { isWorkforceView, workforceView, type WorkforceView } from './index';
import { qaPerPage } from './qa-coverage';

// A workforce page shows a page of figures, not all of them: the view's list (its people, its
// actions) a page at a time, and its other long tables (over 30 rows) as their first 10 with a
// link to the whole table on a page of its own (`/workforce/<view>/<table>`). The CSV downloads
// and the JSON API have every row, unless asked for QA coverage's `page`.

/** A table as a page shows it: some of its rows, and where they fall in the whole. */
export interface ShownTable extends Table {
	paging: PageInfo;
	/** Where the whole table is, a page at a time, when the page shows only its first rows. */
	more?: string;
}

export interface ShownView extends Omit<View, 'tables'> {
	tables: ShownTable[];
}

/** A table longer than this is previewed: its first `previewRows`, and a link to the rest. */
export const previewAbove = 30;
export const previewRows = 10;

interface Layout {
	/** The table shown a page at a time with `?page=`, its rows a page, and whether the view pages it. */
	list?: { id: string; size: number; inView?: boolean };
	/** Tables always shown whole: a chart draws every row. */
	whole?: string[];
	/**
	 * Where the team filter chooses from: a select of every team (the default), or a table of
	 * the page's own, a page at a time, so that the page does not grow with the authority's teams.
	 */
	teams?: 'select' | 'table';
}

/** How each view lays out its tables; any other table longer than `previewRows` is previewed. */
const layouts: Record<WorkforceView, (params: URLSearchParams) => Layout> = {
	coverage: (params) => ({
		list: params.get('team')
			? { id: 'practitioners', size: 20 }
			: { id: 'teams', size: 12, inView: true }
	}),
	progress: () => ({ list: { id: 'progress', size: 25 } }),
	audits: () => ({ whole: ['overall-by-month'], teams: 'table' }),
	learning: () => ({}),
	cpd: () => ({ list: { id: 'people', size: 50 } }),
	report: () => ({ list: { id: 'actions', size: 25 } }),
	'qa-coverage': () => ({ list: { id: 'practitioners', size: qaPerPage, inView: true } })
};

/** Every row, as one page. */
const allOf = <T>(rows: T[]) => pageOf(rows, { page: 1, size: Math.max(1, rows.length) });

/** Where one of a view's tables is shown whole, a page at a time, with the view's filters. */
export const tableHref = (view: View, tableId: string) => {
	const query = new URLSearchParams(view.filters).toString();
	return `/workforce/${view.view}/${tableId}${query ? `?${query}` : ''}`;
};

/**
 * A workforce page's figures, for principal social workers only (403 for anyone else), what
 * `summarise` makes of every row (how many are behind, say) before the page is cut, and the
 * teams its filter chooses from (none where the page lists its teams itself).
 */
export async function loadWorkforceView<S = undefined>(
	name: WorkforceView,
	url: URL,
	summarise?: (view: View) => S
) {
	requireRole('psw');
	const { list, whole = [], teams = 'select' } = layouts[name](url.searchParams);
	const paging = list && readPaging(url.searchParams, { size: list.size });
	const view = await workforceView(getDb(), name, url.searchParams, undefined, {
		listPage: list?.inView ? paging : undefined
	});
	const summary = summarise?.(view) as S;
	const tables = view.tables.map((table): ShownTable => {
		if (table.paging) return { ...table, paging: table.paging };
		if (view.paging?.table === table.id) {
			const { rows, page, perPage: size } = view.paging;
			return { ...table, paging: pageBounds(rows, { page, size }).info };
		}
		if (table.id === list?.id) return { ...table, ...pageOf(table.rows, paging!) };
		if (whole.includes(table.id) || table.rows.length <= previewAbove)
			return { ...table, ...allOf(table.rows) };
		return {
			...table,
			...pageOf(table.rows, { page: 1, size: previewRows }),
			more: tableHref(view, table.id)
		};
	});
	const choices = teams === 'select' ? await teamChoices(getDb()) : [];
	return { view: { ...view, tables } satisfies ShownView, summary, teams: choices };
}

/** One table of a workforce view, whole, a page at a time: `/workforce/<view>/<table>`. */
export async function loadWorkforceTable(viewName: string, tableId: string, url: URL) {
	requireRole('psw');
	if (!isWorkforceView(viewName)) error(404, 'There is no such workforce view.');
	const view = await workforceView(getDb(), viewName, url.searchParams, undefined, {
		table: tableId
	});
	const table = view.tables.find((t) => t.id === tableId);
	if (!table) error(404, `The ${view.title.toLowerCase()} view has no such table.`);
	const shown: ShownTable = { ...table, ...pageOf(table.rows, readPaging(url.searchParams)) };
	return { view: { ...view, tables: [shown] } satisfies ShownView, table: shown };
}
