import { describe, expect, it } from 'vitest';
import { pageHref, pageOf } from './paging';

describe('pageOf', () => {
	it('counts the pages and where a page starts', () => {
		expect(pageOf('2', 120, 50)).toEqual({ page: 2, pages: 3, perPage: 50, rows: 120, offset: 50 });
		expect(pageOf(3, 100, 50)).toMatchObject({ page: 2, pages: 2, offset: 50 });
	});

	it('keeps a page asked for badly within the pages there are', () => {
		for (const asked of [null, '', 'two', '0', '-3', 0])
			expect(pageOf(asked, 120, 50).page, String(asked)).toBe(1);
		expect(pageOf('2.7', 120, 50).page).toBe(2);
		expect(pageOf('99', 120, 50).page).toBe(3);
	});

	it('has one page for nothing', () => {
		expect(pageOf('4', 0, 50)).toMatchObject({ page: 1, pages: 1, offset: 0 });
	});
});

describe('pageHref', () => {
	it('keeps the other parameters and sets the page', () => {
		const url = new URL('http://localhost/workforce/qa-coverage?team=t1&page=1&stage=asye');
		expect(pageHref(url, 3)).toBe('/workforce/qa-coverage?team=t1&page=3&stage=asye');
	});
});
