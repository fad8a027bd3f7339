import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createDb } from '../index';
import { migrateToLatest } from '../migrate';
import { migrations } from './index';

const dir = mkdtempSync(join(tmpdir(), 'golden-thread-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('keeps the latest of two enrolments on one programme active, and ends the earlier one', async () => {
	const db = createDb(`file:${join(dir, 'test.db')}`);
	const before = Object.fromEntries(
		Object.entries(migrations).filter(([name]) => name < '2026-11-30-02')
	);
	await migrateToLatest(db, before);
	const at = '2026-01-01T09:00:00.000Z';
	await db
		.insertInto('users')
		.values({ id: 'u', email: 'u@test.example', name: 'U', active: 1, created_at: at })
		.execute();
	await db
		.insertInto('enrolments')
		.values([
			{ id: 'a', user_id: 'u', programme: 'asye', starts_on: '2025-09-01', created_at: at },
			{ id: 'b', user_id: 'u', programme: 'asye', starts_on: '2026-01-05', created_at: at },
			{ id: 'c', user_id: 'u', programme: 'early-career', starts_on: '2025-09-01', created_at: at }
		])
		.execute();
	expect(await migrateToLatest(db)).toContain('2026-11-30-02-enrolment-lifecycle');
	const rows = await db
		.selectFrom('enrolments')
		.select(['id', 'status', 'ended_on'])
		.orderBy('id')
		.execute();
	expect(rows).toEqual([
		{ id: 'a', status: 'left', ended_on: '2026-01-05' },
		{ id: 'b', status: 'active', ended_on: null },
		{ id: 'c', status: 'active', ended_on: null }
	]);
	await expect(
		db
			.insertInto('enrolments')
			.values({ id: 'd', user_id: 'u', programme: 'asye', starts_on: '2026-09-01', created_at: at })
			.execute()
	).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
	await db.destroy();
});
