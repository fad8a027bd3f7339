import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { newUser, testDatabases } from '../db/testing';
import { createEvidence, type EvidenceInput } from './evidence';
import { storedFilePath, storeFile } from './file-store';
import { sweepGraceMinutes, sweepStore } from './file-sweep';

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

const cutoff = new Date('2026-06-01T12:00:00Z');
const before = new Date('2026-06-01T11:00:00Z');
const after = new Date('2026-06-01T12:00:01Z');

/** Every file under `dir`, relative to it. */
const filesUnder = (dir: string) =>
	(fs.readdirSync(dir, { recursive: true }) as string[])
		.filter((p) => fs.statSync(path.join(dir, p)).isFile())
		.map((p) => p.split(path.sep).join('/'))
		.sort();

describe.each(testDatabases())('sweeping the file store on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	let dir: string;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());
	beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-sweep-'))));
	afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

	/** Stores bytes last changed at `when`; with an attachment naming them when asked. */
	async function storeAt(when: Date, attachment?: 'current' | 'removed') {
		const hash = await storeFile(dir, new TextEncoder().encode(`notes ${newId()}`));
		fs.utimesSync(storedFilePath(dir, hash), when, when);
		if (attachment) {
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
					size: 1,
					created_at: before.toISOString(),
					created_by: owner,
					removed_at: attachment === 'removed' ? after.toISOString() : null
				})
				.execute();
		}
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

	it('leaves files changed since the cutoff, which a save may be about to use', async () => {
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
