import { describe, expect, it } from 'vitest';
import { pagerItems } from './paging';

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
