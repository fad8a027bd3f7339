import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, isPostgres, type Db } from './index';
import { testDatabases } from './testing';
import { oneServerAtATime } from './start-lock';

describe.each(testDatabases())('servers starting together on $name', (database) => {
	let db: Db;
	let url: string;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, url, close } = await database.open()));
	afterAll(() => close());

	it('take turns: the second starts when the first has finished', async () => {
		const other = createDb(url);
		const steps: string[] = [];
		let finishFirst!: () => void;
		const firstMayFinish = new Promise<void>((resolve) => (finishFirst = resolve));
		let firstStarted!: () => void;
		const started = new Promise<void>((resolve) => (firstStarted = resolve));
		const first = oneServerAtATime(db, async () => {
			steps.push('first starts');
			firstStarted();
			await firstMayFinish;
			steps.push('first ends');
		});
		await started;
		const second = oneServerAtATime(other, async () => void steps.push('second starts'));
		if (isPostgres(db)) {
			// The second is waiting for the start-up lock ("GTst"): PostgreSQL says so.
			const waiting = async () => {
				const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_locks
					where locktype = 'advisory' and not granted and classid = ${0x47547374}`.execute(db);
				return rows[0].n;
			};
			await expect.poll(waiting).toBe(1);
			expect(steps).toEqual(['first starts']);
		}
		finishFirst();
		await Promise.all([first, second]);
		expect(steps).toEqual(
			isPostgres(db)
				? ['first starts', 'first ends', 'second starts']
				: ['first starts', 'second starts', 'first ends']
		);
		await other.destroy();
	});
});
