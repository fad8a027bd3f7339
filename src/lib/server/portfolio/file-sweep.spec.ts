import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { newAttachment, testDatabases } from '../db/testing';
import { testStores } from '../storage/testing';
import { listStore, storedFilePath, storeFile } from './file-store';
import { sweepGraceMinutes, sweepStore } from './file-sweep';

const cutoff = new Date('2026-06-01T12:00:00Z');
const before = new Date('2026-06-01T11:00:00Z');
const after = new Date('2026-06-01T12:00:01Z');

/** Every file under `dir`, relative to it. */
const filesUnder = (dir: string) =>
	(fs.readdirSync(dir, { recursive: true }) as string[])
		.filter((p) => fs.statSync(path.join(dir, p)).isFile())
		.map((p) => p.split(path.sep).join('/'))
		.sort();

/** An attachment on a new record naming the bytes' hash, current or removed. */
const attach = (db: Db, hash: string, attachment: 'current' | 'removed') =>
	newAttachment(db, hash, {
		removedAt: attachment === 'removed' ? after.toISOString() : undefined
	});

const notes = () => new TextEncoder().encode(`notes ${newId()}`);

describe.each(testDatabases())('sweeping the file store on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	// A bucket's objects cannot be backdated, so these sweep with a cutoff a minute either side
	// of now: every file is older than the one, younger than the other.
	describe.each(testStores())('in $name', (kind) => {
		let where: string;
		beforeEach(async () => (where = await kind.open()));
		afterAll(() => kind.close());
		const stored = async () => (await listStore(where)).map((e) => e.hash).sort();

		it('removes old files no current attachment refers to, and keeps those one does', async () => {
			const used = await storeFile(where, notes());
			await attach(db, used, 'current');
			const removed = await storeFile(where, notes());
			await attach(db, removed, 'removed');
			await storeFile(where, notes());
			const result = await sweepStore(db, where, new Date(Date.now() + 60_000));
			expect(result).toEqual({ temporary: 0, orphans: 2 });
			expect(await stored()).toEqual([used]);
		});

		it('leaves files changed since the cutoff, which a save may be about to use', async () => {
			const unused = await storeFile(where, notes());
			const result = await sweepStore(db, where, new Date(Date.now() - 60_000));
			expect(result).toEqual({ temporary: 0, orphans: 0 });
			expect(await stored()).toEqual([unused]);
		});
	});

	describe('in a folder', () => {
		let dir: string;
		beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-sweep-'))));
		afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

		/** Stores bytes last changed at `when`; with an attachment naming them when asked. */
		async function storeAt(when: Date, attachment?: 'current' | 'removed') {
			const hash = await storeFile(dir, notes());
			fs.utimesSync(storedFilePath(dir, hash), when, when);
			if (attachment) await attach(db, hash, attachment);
			return `${hash.slice(0, 2)}/${hash}`;
		}

		/** A temporary file as a write leaves it, last changed at `when`. */
		function temporaryAt(when: Date) {
			const name = `ab/.ab${'0'.repeat(62)}.${'1'.repeat(16)}.tmp`;
			const file = path.join(dir, name);
			fs.mkdirSync(path.dirname(file), { recursive: true });
			fs.writeFileSync(file, 'half a fi');
			fs.utimesSync(file, when, when);
			return name;
		}

		it('removes old temporary files and old files no current attachment refers to', async () => {
			const used = await storeAt(before, 'current');
			const usedLately = await storeAt(after, 'current');
			const unused = await storeAt(before);
			const removed = await storeAt(before, 'removed');
			const temporary = temporaryAt(before);
			const result = await sweepStore(db, dir, cutoff);
			expect(result).toEqual({ temporary: 1, orphans: 2 });
			expect(filesUnder(dir)).toEqual([used, usedLately].sort());
			expect(filesUnder(dir)).not.toContain(unused);
			expect(filesUnder(dir)).not.toContain(removed);
			expect(filesUnder(dir)).not.toContain(temporary);
		});

		it('leaves temporary files changed since the cutoff', async () => {
			const unused = await storeAt(after);
			const temporary = temporaryAt(after);
			expect(await sweepStore(db, dir, cutoff)).toEqual({ temporary: 0, orphans: 0 });
			expect(filesUnder(dir)).toEqual([temporary, unused].sort());
		});

		it('leaves anything in the folder that the store did not write', async () => {
			const strays = ['README.txt', 'ab/notes.txt', `zz/${'a'.repeat(64)}`, `ab/${'c'.repeat(64)}`];
			for (const stray of strays) {
				fs.mkdirSync(path.dirname(path.join(dir, stray)), { recursive: true });
				fs.writeFileSync(path.join(dir, stray), 'not ours');
				fs.utimesSync(path.join(dir, stray), before, before);
			}
			expect(await sweepStore(db, dir, cutoff)).toEqual({ temporary: 0, orphans: 0 });
			expect(filesUnder(dir)).toEqual([...strays].sort());
		});

		it('does nothing when the store has not been made yet', async () => {
			const missing = path.join(dir, 'not-yet');
			expect(await sweepStore(db, missing, cutoff)).toEqual({ temporary: 0, orphans: 0 });
			expect(fs.existsSync(missing)).toBe(false);
		});
	});
});

describe('the sweep’s grace period', () => {
	it('is none unless set, and whole minutes when it is', () => {
		expect(sweepGraceMinutes({})).toBe(0);
		expect(sweepGraceMinutes({ FILES_SWEEP_GRACE_MINUTES: '' })).toBe(0);
		expect(sweepGraceMinutes({ FILES_SWEEP_GRACE_MINUTES: ' 60 ' })).toBe(60);
	});

	it('refuses anything but a whole number of minutes, saying what it got', () => {
		for (const bad of ['-1', '1.5', 'an hour', '1e3', '9999999'])
			expect(() => sweepGraceMinutes({ FILES_SWEEP_GRACE_MINUTES: bad }), bad).toThrow(
				`FILES_SWEEP_GRACE_MINUTES must be a whole number of minutes, like 60; it is "${bad}"`
			);
	});
});
