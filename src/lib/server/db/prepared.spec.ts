import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyOf } from './any-of';
import type { Db } from './index';
import { prepared } from './prepared';
import { newUser, testDatabases } from './testing';

const byEmail = prepared((db, email: string) =>
	db.selectFrom('users').select(['id', 'name']).where('email', '=', email).orderBy('name')
);

const named = prepared((db, names: readonly string[], limit: number) =>
	db
		.selectFrom('users')
		.select('name')
		.where('name', 'in', names)
		.where('active', '=', 1)
		.orderBy('name')
		.limit(limit)
);

describe.each(testDatabases())('Prepared queries on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	it('answer each call with its own values, as the query built afresh would', async () => {
		const ada = await newUser(db, { name: 'Ada Lovelace', email: 'ada@example.test' });
		const sam = await newUser(db, { name: 'Sam Okoro', email: 'sam@example.test' });
		expect(await byEmail(db, 'ada@example.test')).toEqual([{ id: ada, name: 'Ada Lovelace' }]);
		expect(await byEmail(db, 'sam@example.test')).toEqual([{ id: sam, name: 'Sam Okoro' }]);
		expect(await byEmail(db, 'nobody@example.test')).toEqual([]);
		// NULs are removed from the values, as from any query's.
		expect(await byEmail(db, 'sam@\0example.test')).toEqual([{ id: sam, name: 'Sam Okoro' }]);
		// In a transaction, which sees its own writes.
		await db.transaction().execute(async (tx) => {
			await tx.updateTable('users').set({ name: 'Sam O.' }).where('id', '=', sam).execute();
			expect(await byEmail(tx, 'sam@example.test')).toEqual([{ id: sam, name: 'Sam O.' }]);
		});
	});

	it('take lists of any length, and numbers', async () => {
		await newUser(db, { name: 'Bea Smith' });
		await newUser(db, { name: 'Cal Jones' });
		expect(await named(db, ['Cal Jones', 'Bea Smith', 'Nobody'], 5)).toEqual([
			{ name: 'Bea Smith' },
			{ name: 'Cal Jones' }
		]);
		expect(await named(db, ['Cal Jones', 'Bea Smith'], 1)).toEqual([{ name: 'Bea Smith' }]);
		expect(await named(db, ['Cal Jones'], 5)).toEqual([{ name: 'Cal Jones' }]);
	});

	it('take a list sent whole, as anyOf sends it (JSON on SQLite, an array on PostgreSQL)', async () => {
		const ids = prepared((db, ids: readonly string[]) =>
			db
				.selectFrom('users')
				.select('name')
				.where(anyOf(db, 'id', ids))
				.orderBy('name')
		);
		const ada = await newUser(db, { name: 'Ada Whole' });
		const bea = await newUser(db, { name: 'Bea Whole' });
		expect(await ids(db, [bea, ada, 'nobody'])).toEqual([
			{ name: 'Ada Whole' },
			{ name: 'Bea Whole' }
		]);
		expect(await ids(db, [bea, 'nobody', 'nobody'])).toEqual([{ name: 'Bea Whole' }]);
		expect(await ids(db, [ada])).toEqual([{ name: 'Ada Whole' }]);
	});

	it('refuse a query that writes a value into its SQL, or changes it, when first built', async () => {
		const literal = prepared((db, name: string) =>
			db.selectFrom('users').select('id').where('name', '=', sql.lit(name))
		);
		await expect(literal(db, 'Ada')).rejects.toThrow(/wrote a value into its SQL/);
		const changed = prepared((db, name: string) =>
			db.selectFrom('users').select('id').where('name', 'like', `${name}%`)
		);
		await expect(changed(db, 'Ada')).rejects.toThrow(/changed or left out its value 1/);
		const list = prepared((db, ids: readonly string[]) =>
			db.selectFrom('users').select('id').where('id', 'in', ids.slice(1))
		);
		await expect(list(db, ['a', 'b'])).rejects.toThrow(/changed or left out its value 1/);
	});

	it('refuse a query that looks at its values, in the tests, on the call where it shows', async () => {
		const branching = prepared((db, name: string) => {
			const query = db.selectFrom('users').select('id');
			return name === '' ? query : query.where('name', '=', name);
		});
		expect(await branching(db, 'Nobody')).toEqual([]);
		await expect(branching(db, '')).rejects.toThrow(/built afresh differs/);
	});
});
