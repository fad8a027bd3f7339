import { describe, expect, it } from 'vitest';
import { refusalOf } from './testing';
import { parseFilter, parseListQuery } from './query';

describe('the filter', () => {
	it('reads userName eq "…" as Entra ID and Okta send it', () => {
		// Entra ID's own example, and its query for a new person before creating them.
		expect(parseFilter('userName eq "Test_User_dfeef4c5-5681-4387-b016-bdf221e82081"')).toBe(
			'Test_User_dfeef4c5-5681-4387-b016-bdf221e82081'
		);
		expect(parseFilter('userName eq "Dale.Mohr@romaguera.uk"')).toBe('Dale.Mohr@romaguera.uk');
		// Attribute and operator in any case, the schema's name before it, spaces around.
		expect(parseFilter('  USERNAME EQ "a@b.example" ')).toBe('a@b.example');
		expect(
			parseFilter('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a@b.example"')
		).toBe('a@b.example');
		// A JSON string: escapes are read.
		expect(parseFilter('userName eq "o\\"brien@b.example"')).toBe('o"brien@b.example');
	});

	it('refuses every other filter with 400 invalidFilter', () => {
		for (const filter of [
			'externalId eq "0a21f0f2"',
			'userName co "smith"',
			'userName sw "a"',
			'userName eq "a@b.example" and active eq true',
			'emails[type eq "work"].value eq "a@b.example"',
			'displayName eq "Ann"',
			'userName eq a@b.example',
			'userName eq "unterminated',
			'userName eq "bad \\x escape"',
			'userName pr'
		])
			expect(
				refusalOf(() => parseFilter(filter)),
				filter
			).toEqual({
				schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
				status: '400',
				scimType: 'invalidFilter',
				detail: expect.stringContaining(filter)
			});
	});
});

describe('the page', () => {
	const query = (search: string) => parseListQuery(new URLSearchParams(search));

	it('starts at 1 with 100 people by default', () => {
		expect(query('')).toEqual({ userName: null, startIndex: 1, count: 100 });
		expect(query('filter=userName+eq+"x@y.example"&startIndex=3&count=10')).toEqual({
			userName: 'x@y.example',
			startIndex: 3,
			count: 10
		});
	});

	it('takes a startIndex below 1 as 1, a negative count as 0 and caps count at 200', () => {
		expect(query('startIndex=0&count=-5')).toMatchObject({ startIndex: 1, count: 0 });
		expect(query('startIndex=-3&count=5000')).toMatchObject({ startIndex: 1, count: 200 });
	});

	it('refuses a startIndex or count that is not a whole number', () => {
		expect(refusalOf(() => query('count=ten'))).toMatchObject({
			status: '400',
			scimType: 'invalidValue'
		});
		expect(refusalOf(() => query('startIndex=1.5'))).toMatchObject({ scimType: 'invalidValue' });
	});
});
