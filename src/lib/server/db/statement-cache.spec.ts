import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withStatementCache } from './statement-cache';

describe('withStatementCache', () => {
	let database: SQLite.Database;
	beforeEach(() => {
		database = new SQLite(':memory:');
		database.exec('create table t (n integer)');
	});
	afterEach(() => database.close());

	it('prepares each SQL text once and runs it with each call’s parameters', () => {
		const prepare = vi.spyOn(database, 'prepare');
		const cached = withStatementCache(database);
		cached.prepare('insert into t (n) values (?)').run([1]);
		cached.prepare('insert into t (n) values (?)').run([2]);
		expect(cached.prepare('select n from t where n > ? order by n').all([0])).toEqual([
			{ n: 1 },
			{ n: 2 }
		]);
		expect(cached.prepare('select n from t where n > ? order by n').all([1])).toEqual([{ n: 2 }]);
		expect(prepare).toHaveBeenCalledTimes(2);
	});

	it('keeps the most recently used statements, up to its size', () => {
		const prepare = vi.spyOn(database, 'prepare');
		const cached = withStatementCache(database, 2);
		cached.prepare('select 1');
		cached.prepare('select 2');
		cached.prepare('select 1');
		cached.prepare('select 3'); // drops "select 2", the least recently used
		cached.prepare('select 1');
		expect(prepare).toHaveBeenCalledTimes(3);
		cached.prepare('select 2');
		expect(prepare).toHaveBeenCalledTimes(4);
	});

	it('sees a table changed after the statement was prepared', () => {
		const cached = withStatementCache(database);
		expect(cached.prepare('select * from t').all([])).toEqual([]);
		database.exec(
			'alter table t add column label text; insert into t values (1, ?)'.replace('?', "'one'")
		);
		expect(cached.prepare('select * from t').all([])).toEqual([{ n: 1, label: 'one' }]);
	});

	it('reads rows as better-sqlite3 makes them: a property a column, the last of a name kept', () => {
		database.exec(
			"create table u (id integer, label text, data blob, score real); insert into u values (1, 'one', x'00ff', 1.5), (2, null, null, null)"
		);
		const sql =
			'select t.n, u.*, u.id as n, u.label as id from u left join t on t.n = u.id order by u.id';
		database.exec('insert into t values (1)');
		const cached = withStatementCache(database);
		const own = database.prepare(sql).all();
		expect(cached.prepare(sql).all([])).toEqual(own);
		expect(Object.keys(cached.prepare(sql).all([])[0] as object)).toEqual(
			Object.keys(own[0] as object)
		);
		expect([...cached.prepare(sql).iterate([])]).toEqual(own);
	});

	it('reads a table’s new columns after a change of tables made through it', () => {
		database.exec('insert into t values (1)');
		const cached = withStatementCache(database);
		expect(cached.prepare('select * from t').all([])).toEqual([{ n: 1 }]);
		// The same number of columns, so only the change of tables tells.
		cached.prepare('alter table t rename column n to m').run([]);
		expect(cached.prepare('select * from t').all([])).toEqual([{ m: 1 }]);
	});
});
