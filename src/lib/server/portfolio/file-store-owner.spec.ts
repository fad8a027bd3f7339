import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { newUser, testDatabases } from '../db/testing';
import { createEvidence, type EvidenceInput } from './evidence';
import { storeFile } from './file-store';
import { claimStore } from './file-store-owner';

const input: EvidenceInput = {
	title: 'Direct work with a child',
	activityDate: '2026-11-02',
	type: 'observation',
	account: '',
	reflectionModel: 'driscoll',
	reflection: {},
	cpdType: null,
	cpdRelevance: '',
	cpdLearning: '',
	cpdImpact: '',
	peerReflected: null,
	peerReflection: '',
	cpdMinutes: null
};

describe.each(testDatabases())('whose file store it is, on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	let dir: string;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());
	beforeEach(() => (dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'owner-')), 'files')));
	afterEach(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

	const marker = () => fs.readFileSync(path.join(dir, '.golden-thread-store'), 'utf8').trim();

	/** An attachment on a new record naming the bytes' hash, removed when asked. */
	async function attach(hash: string, removed: boolean) {
		const owner = await newUser(db);
		const evidenceId = await createEvidence(db, owner, input);
		await db
			.insertInto('attachments')
			.values({
				id: newId(),
				evidence_id: evidenceId,
				file_hash: hash,
				name: 'notes.txt',
				mime: 'text/plain',
				size: 5,
				created_at: '2026-11-02T09:00:00.000Z',
				created_by: owner,
				removed_at: removed ? '2026-11-03T09:00:00.000Z' : null
			})
			.execute();
	}

	it('makes a new store this database’s, and keeps it so', async () => {
		await claimStore(db, dir);
		const id = marker();
		expect(id).toMatch(/^[0-9a-f-]{36}$/);
		await storeFile(dir, new TextEncoder().encode(`notes ${newId()}`));
		await claimStore(db, dir);
		expect(marker()).toBe(id);
	});

	it('refuses a store another database has made its own, saying what to do', async () => {
		// As another database's server leaves it.
		const theirs = newId();
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(path.join(dir, '.golden-thread-store'), `${theirs}\n`);
		await expect(claimStore(db, dir)).rejects.toThrow(
			`FILES_DIR (${dir}) is another database's file store: ${path.join(dir, '.golden-thread-store')} does not name this database. Give each database its own FILES_DIR`
		);
		expect(marker()).toBe(theirs);
	});

	it('takes an unmarked store holding files it has named, even files since removed', async () => {
		const hash = await storeFile(dir, new TextEncoder().encode(`notes ${newId()}`));
		await storeFile(dir, new TextEncoder().encode(`stray ${newId()}`));
		await attach(hash, true);
		await claimStore(db, dir);
		expect(marker()).not.toBe('');
	});

	it('refuses an unmarked store holding only files it has never named', async () => {
		await storeFile(dir, new TextEncoder().encode(`notes ${newId()}`));
		await attach('0'.repeat(64), false);
		await expect(claimStore(db, dir)).rejects.toThrow(
			`FILES_DIR (${dir}) holds files this database has never referred to`
		);
		expect(fs.existsSync(path.join(dir, '.golden-thread-store'))).toBe(false);
	});
});
