// A long list a page at a time: where a page falls (read and cut by src/lib/server/paging.ts),
// and which page numbers the pager shows.

/** A page (from 1) of `size` rows. */
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
