import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { migrations } from '../db/migrations';
import { readingAllSchemas, testDatabases } from '../db/testing';
import { testStores } from '../storage/testing';
import { readiness } from './readiness';

const allOk = { database: 'ok', fileStore: 'ok', migrations: 'ok' };

describe.each(testDatabases())('whether the server is ready, on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	const stores = testStores();
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(async () => {
		await close();
		for (const store of stores) await store.close();
	});

	it.each(stores)('is, with the database migrated and the store in $name there', async (store) => {
		const where = await store.open();
		// A folder is made when the server first claims it; a bucket is made by whoever runs it.
		if (!where.startsWith('s3://')) mkdirSync(where);
		expect(await readingAllSchemas(db, () => readiness(db, where))).toEqual({
			status: 'ok',
			checks: allOk
		});
	});

	it('is not, naming the file store, when the store cannot be reached', async () => {
		const gone = mkdtempSync(join(tmpdir(), 'golden-thread-gone-'));
		rmSync(gone, { recursive: true });
		expect(await readingAllSchemas(db, () => readiness(db, gone))).toEqual({
			status: 'unavailable',
			checks: { ...allOk, fileStore: 'failing' }
		});
	});

	it('is not, naming the migrations, when one has not run', async () => {
		const { ['2026-12-05-01-leases']: latest, ...earlier } = migrations;
		expect(latest).toBeDefined();
		const older = await database.open(earlier);
		try {
			const store = mkdtempSync(join(tmpdir(), 'golden-thread-ready-'));
			expect(await readingAllSchemas(older.db, () => readiness(older.db, store))).toEqual({
				status: 'unavailable',
				checks: { ...allOk, migrations: 'failing' }
			});
			rmSync(store, { recursive: true });
		} finally {
			await older.close();
		}
	});
});

describe('whether the server is ready without its database', () => {
	it('is not, naming the database (and the migrations, which it cannot read)', async () => {
		const [sqlite] = testDatabases();
		const { db, close } = await sqlite.open();
		await db.destroy();
		const store = mkdtempSync(join(tmpdir(), 'golden-thread-ready-'));
		expect(await readiness(db, store)).toEqual({
			status: 'unavailable',
			checks: { database: 'failing', fileStore: 'ok', migrations: 'failing' }
		});
		rmSync(store, { recursive: true });
		await close().catch(() => {});
	});
});
