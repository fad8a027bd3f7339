// A long list a page at a time, with plain links (no JavaScript): which page a query string asks
// for, where it falls in the list, that page of the rows, and the pager's links. The server cuts
// or counts a page with it; `<Pager>` (src/lib/components/Pager.svelte) links to the others.

/** The page asked for (from 1) of `size` rows. */
export interface Paging {
	page: number;
	size: number;
}

/** Where a page falls in the whole list, for the pager and the "Showing 26 to 50 of 612" line. */
export interface PageInfo extends Paging {
	/** How many pages there are: at least 1, so an empty list is one empty page. */
	pages: number;
	total: number;
	/** The rows the page holds, counted from 1: `first` 26, `last` 50; both 0 when empty. */
	first: number;
	last: number;
}

/**
 * Reads the page number from `?page=` (or another parameter, where a page pages two lists), and
 * the size from `?size=` within `maxSize`, else `size`. Anything but a whole number is the first
 * page; a page past the last is the last (see `pageBounds`).
 */
export function readPaging(
	params: URLSearchParams,
	{
		size = 25,
		maxSize = 50,
		param = 'page'
	}: { size?: number; maxSize?: number; param?: string } = {}
): Paging {
	const whole = (text: string | null) => (text && /^\d+$/.test(text) ? Number(text) : 0);
	const asked = whole(params.get('size'));
	return {
		page: Math.max(1, whole(params.get(param))),
		size: asked > 0 ? Math.min(asked, maxSize) : size
	};
}

/** Where the page asked for falls in a list of `total` rows: its rows' offset and the page info. */
export function pageBounds(total: number, { page, size }: Paging) {
	const pages = Math.max(1, Math.ceil(total / size));
	const current = Math.min(page, pages);
	const offset = (current - 1) * size;
	const info: PageInfo = {
		page: current,
		size,
		pages,
		total,
		first: total === 0 ? 0 : offset + 1,
		last: Math.min(total, offset + size)
	};
	return { offset, info };
}

/** One page of the rows, and where it falls. */
export function pageOf<T>(rows: readonly T[], paging: Paging): { rows: T[]; paging: PageInfo } {
	const { offset, info } = pageBounds(rows.length, paging);
	return { rows: rows.slice(offset, offset + info.size), paging: info };
}

/** The same list on another page: the rest of the query string as it is, the first page bare. */
export function pageHref(url: URL, page: number, param = 'page') {
	const params = new URLSearchParams(url.searchParams);
	if (page === 1) params.delete(param);
	else params.set(param, String(page));
	const query = params.toString();
	return query ? `${url.pathname}?${query}` : url.pathname;
}

export type PagerItem = number | 'ellipsis';

/**
 * The page numbers a pager shows, as the GOV.UK pagination component asks: the first and the
 * last page, the current one and one either side of it, and an ellipsis for each run left out.
 */
export function pagerItems(page: number, pages: number): PagerItem[] {
	const shown = [...new Set([1, page - 1, page, page + 1, pages])]
		.filter((n) => n >= 1 && n <= pages)
		.sort((a, b) => a - b);
	return shown.flatMap((n, i): PagerItem[] => {
		const previous = shown[i - 1];
		if (previous === undefined || n === previous + 1) return [n];
		// A gap of one page shows that page: an ellipsis would be no shorter.
		return n === previous + 2 ? [previous + 1, n] : ['ellipsis', n];
	});
}
