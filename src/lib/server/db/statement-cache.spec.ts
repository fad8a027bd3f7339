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
});
