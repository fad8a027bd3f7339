// A long list a page at a time, with plain links (no JavaScript): which page, and how many.

export interface Paging {
	/** The page shown, from 1; a page asked for past the last is the last. */
	page: number;
	pages: number;
	perPage: number;
	/** The rows on every page together. */
	rows: number;
	/** The rows before this page. */
	offset: number;
}

/** The page asked for (a query parameter's text, or a number), kept within the pages there are. */
export function pageOf(asked: string | number | null, rows: number, perPage: number): Paging {
	const pages = Math.max(1, Math.ceil(rows / perPage));
	const page = Math.min(pages, Math.max(1, Math.floor(Number(asked)) || 1));
	return { page, pages, perPage, rows, offset: (page - 1) * perPage };
}

/** The same list on another page: the query string as it is, with `page` set. */
export function pageHref(url: URL, page: number) {
	const params = new URLSearchParams(url.searchParams);
	params.set('page', String(page));
	return `${url.pathname}?${params}`;
}
