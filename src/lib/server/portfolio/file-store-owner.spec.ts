import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { newAttachment, testDatabases } from '../db/testing';
import { openStore } from '../storage';
import { testStores } from '../storage/testing';
import { storeFile } from './file-store';
import { claimStore } from './file-store-owner';

const databasesAndStores = testDatabases().flatMap((database) =>
	testStores().map((store) => ({ database, store, name: `${database.name}, in ${store.name}` }))
);

describe.each(databasesAndStores)('whose file store it is, on $name', ({ database, store }) => {
	let db: Db;
	let close: () => Promise<void>;
	let dir: string;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(async () => {
		await close();
		await store.close();
	});
	beforeEach(async () => (dir = await store.open()));

	const marker = () => openStore(dir).readMarker();
	const name = () => openStore(dir).name;

	/** An attachment on a new record naming the bytes' hash, removed when asked. */
	const attach = (hash: string, removed: boolean) =>
		newAttachment(db, hash, { removedAt: removed ? '2026-11-03T09:00:00.000Z' : undefined });

	it('makes a new store this database’s, and keeps it so', async () => {
		await claimStore(db, dir);
		const id = await marker();
		expect(id).toMatch(/^[0-9a-f-]{36}$/);
		await storeFile(dir, new TextEncoder().encode(`notes ${newId()}`));
		await claimStore(db, dir);
		expect(await marker()).toBe(id);
	});

	it('refuses a store another database has made its own, saying what to do', async () => {
		// As another database's server leaves it.
		const theirs = newId();
		await openStore(dir).writeMarker(theirs);
		await expect(claimStore(db, dir)).rejects.toThrow(
			`The file store (${name()}) is another database's: .golden-thread-store in ${name()} does not name this database. Give each database its own store (FILES_STORE or FILES_DIR)`
		);
		expect(await marker()).toBe(theirs);
	});

	it('takes an unmarked store holding files it has named, even files since removed', async () => {
		const hash = await storeFile(dir, new TextEncoder().encode(`notes ${newId()}`));
		await storeFile(dir, new TextEncoder().encode(`stray ${newId()}`));
		await attach(hash, true);
		await claimStore(db, dir);
		expect(await marker()).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('refuses an unmarked store holding only files it has never named', async () => {
		await storeFile(dir, new TextEncoder().encode(`notes ${newId()}`));
		await attach('0'.repeat(64), false);
		await expect(claimStore(db, dir)).rejects.toThrow(
			`The file store (${name()}) holds files this database has never referred to`
		);
		expect(await marker()).toBeUndefined();
	});
});
