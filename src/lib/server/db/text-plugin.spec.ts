import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './index';
import { newUser, testDatabases } from './testing';

describe.each(testDatabases())('NUL characters on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	it('are removed from text written and text looked for, and nothing else changes', async () => {
		const id = await newUser(db, { name: 'Sam\0 Okoro' });
		const stored = await db
			.selectFrom('users')
			.select('name')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(stored.name).toBe('Sam Okoro');
		const found = await db
			.selectFrom('users')
			.select('id')
			.where('name', 'in', ['Sam\0 Okoro', 'nobody'])
			.execute();
		expect(found).toEqual([{ id: id }]);
		const plain = await sql<{ name: string }>`select name from users where id = ${id}`.execute(db);
		expect(plain.rows).toEqual([{ name: 'Sam Okoro' }]);
		// A literal written into the SQL rather than sent as a parameter.
		const literal = await sql<{ text: string }>`select ${sql.lit('Sam\0 Okoro')} as text`.execute(
			db
		);
		expect(literal.rows).toEqual([{ text: 'Sam Okoro' }]);
	});
});
