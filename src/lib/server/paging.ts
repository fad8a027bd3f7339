import type { PageInfo, Paging } from '$lib/paging';

// Long lists shown a page at a time: which page a query string asks for, and that page of the
// rows. A page past the end shows the last; anything that is not a page number, the first. The
// `<Pager>` component (src/lib/components/Pager.svelte) links to the others.

export type { PageInfo, Paging };

/**
 * Reads the page number from `?page=` (or another parameter, where a page pages two lists),
 * and the size from `?size=` within `maxSize`, else `size`.
 */
export function readPaging(
	params: URLSearchParams,
	{
		size = 25,
		maxSize = 50,
		param = 'page'
	}: { size?: number; maxSize?: number; param?: string } = {}
): Paging {
	const whole = (text: string | null) => (text && /^\d{1,6}$/.test(text) ? Number(text) : 0);
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
