import { describe, expect, it } from 'vitest';
import { pageBounds, pageHref, pageOf, pagerItems, readPaging } from './paging';

const read = (query: string, options?: Parameters<typeof readPaging>[1]) =>
	readPaging(new URLSearchParams(query), options);

describe('readPaging', () => {
	it('reads the page and the size, the first page of 25 by default', () => {
		expect(read('')).toEqual({ page: 1, size: 25 });
		expect(read('page=3')).toEqual({ page: 3, size: 25 });
		expect(read('page=2&size=10')).toEqual({ page: 2, size: 10 });
		expect(read('', { size: 20 })).toEqual({ page: 1, size: 20 });
	});

	it('takes anything that is not a page number as the first page, and keeps the size in bounds', () => {
		for (const page of ['0', '-2', '1.5', 'two', '1e3', ''])
			expect(read(`page=${page}`).page, page).toBe(1);
		expect(read('size=1000').size).toBe(50);
		expect(read('size=1000', { maxSize: 100 }).size).toBe(100);
		expect(read('size=0').size).toBe(25);
		expect(read('size=ten').size).toBe(25);
	});

	it('reads another parameter where one page pages two lists', () => {
		expect(read('page=2&teams=4', { param: 'teams' })).toEqual({ page: 4, size: 25 });
	});
});

describe('pageOf', () => {
	const rows = Array.from({ length: 612 }, (_, i) => i + 1);

	it('gives the page asked for and where it falls', () => {
		const { rows: shown, paging } = pageOf(rows, { page: 2, size: 25 });
		expect(shown).toEqual(rows.slice(25, 50));
		expect(paging).toEqual({ page: 2, size: 25, pages: 25, total: 612, first: 26, last: 50 });
	});

	it('gives the last page, short, for a page past the end', () => {
		const { rows: shown, paging } = pageOf(rows, { page: 40, size: 25 });
		expect(shown).toEqual(rows.slice(600));
		expect(paging).toMatchObject({ page: 25, first: 601, last: 612 });
	});

	it('gives one empty page for no rows', () => {
		expect(pageOf([], { page: 3, size: 25 })).toEqual({
			rows: [],
			paging: { page: 1, size: 25, pages: 1, total: 0, first: 0, last: 0 }
		});
	});

	it('gives the offset for a query that pages in SQL', () => {
		expect(pageBounds(612, { page: 3, size: 20 }).offset).toBe(40);
		expect(pageBounds(10, { page: 3, size: 20 }).offset).toBe(0);
		expect(pageBounds(612, { page: 99999999, size: 20 }).info.page).toBe(31);
	});
});

describe('pageHref', () => {
	const url = new URL('http://localhost/workforce/qa-coverage?team=t1&page=1&stage=asye');

	it('keeps the other parameters and sets the page', () => {
		expect(pageHref(url, 3)).toBe('/workforce/qa-coverage?team=t1&page=3&stage=asye');
		expect(pageHref(new URL('http://localhost/audits?page=2&teams=2'), 4, 'teams')).toBe(
			'/audits?page=2&teams=4'
		);
	});

	it('leaves the first page bare', () => {
		expect(pageHref(url, 1)).toBe('/workforce/qa-coverage?team=t1&stage=asye');
		expect(pageHref(new URL('http://localhost/audits?page=3'), 1)).toBe('/audits');
	});
});

describe('pagerItems', () => {
	it('shows every page of a short list', () => {
		expect(pagerItems(1, 1)).toEqual([1]);
		expect(pagerItems(2, 3)).toEqual([1, 2, 3]);
		expect(pagerItems(1, 4)).toEqual([1, 2, 3, 4]);
	});

	it('shows the first, the last, and the current page with one either side', () => {
		expect(pagerItems(1, 25)).toEqual([1, 2, 'ellipsis', 25]);
		expect(pagerItems(10, 25)).toEqual([1, 'ellipsis', 9, 10, 11, 'ellipsis', 25]);
		expect(pagerItems(25, 25)).toEqual([1, 'ellipsis', 24, 25]);
	});

	it('shows a single page left out rather than an ellipsis for it', () => {
		expect(pagerItems(4, 10)).toEqual([1, 2, 3, 4, 5, 'ellipsis', 10]);
		expect(pagerItems(7, 10)).toEqual([1, 'ellipsis', 6, 7, 8, 9, 10]);
	});
});
