import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '.';
import { anyOf } from './any-of';
import { newUser, testDatabases } from './testing';

describe.each(testDatabases())('one of many values, as one parameter, on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	const namesOf = async (ids: string[]) =>
		(
			await db
				.selectFrom('users')
				.select('name')
				.where(anyOf(db, 'users.id', ids))
				.orderBy('name')
				.execute()
		).map((r) => r.name);

	it('finds the rows named, none for an empty list, and takes values as they are', async () => {
		// Names that would break a list or an array written by hand: quotes, commas, braces.
		const names = ['Ann "Quote"', "Ben O'Brien", 'Cat, Comma', 'Dee {Brace}', 'Eve \\ Slash'];
		const ids = [];
		for (const name of names) ids.push(await newUser(db, { name }));
		const others = await newUser(db, { name: 'Zed Other' });
		expect(await namesOf(ids)).toEqual([...names].sort());
		expect(await namesOf([])).toEqual([]);
		expect(await namesOf(['"', "'", '{}', ',', ...ids.slice(0, 1)])).toEqual([names[0]]);
		// Thousands, as a national cohort's lists are, in one parameter.
		const many = [...Array.from({ length: 20_000 }, (_, i) => `not-a-user-${i}`), others];
		expect(await namesOf(many)).toEqual(['Zed Other']);
	});

	it('takes a query that selects the values: the same rows, without sending them', async () => {
		const ids = [
			await newUser(db, { name: 'Fay Query' }),
			await newUser(db, { name: 'Gil Query' })
		];
		await newUser(db, { name: 'Hal Other' });
		const selecting = db.selectFrom('users').select('id').where('name', 'like', '% Query');
		const rows = await db
			.selectFrom('users')
			.select('name')
			.where(anyOf(db, 'users.id', selecting))
			.orderBy('name')
			.execute();
		expect(rows.map((r) => r.name)).toEqual(['Fay Query', 'Gil Query']);
		expect(await namesOf(ids)).toEqual(['Fay Query', 'Gil Query']);
	});
});
