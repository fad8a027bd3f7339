import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { newUser, testDatabases } from '../db/testing';
import {
	createEvidenceWithFiles,
	filesDir,
	recordAttachments,
	removeAttachment,
	storeUploads,
	updateEvidenceWithFiles,
	type CheckedFile
} from './attachments';
import { createEvidence, getEvidence, type EvidenceInput } from './evidence';
import { fileLockSpace, releaseStoredFiles } from './file-references';
import { hasStoredFile, readStoredFile } from './file-store';
import { checkUpload } from './file-type';
import { deleteDraft } from './delete-draft';
import { FieldError } from '../errors';

const input = (title = 'Direct work with a child'): EvidenceInput => ({
	title,
	activityDate: '2026-11-02',
	type: 'observation',
	account: 'I used the three houses with the child (A).',
	reflectionModel: 'driscoll',
	reflection: { what: 'A visit.', soWhat: 'It helped.', nowWhat: 'Do it again.' },
	cpdType: null,
	cpdRelevance: '',
	cpdLearning: '',
	cpdImpact: '',
	peerReflected: null,
	peerReflection: '',
	cpdMinutes: null
});

/** A checked text file with bytes no other test uses (tests share one store). */
async function textFile(
	name = 'notes.txt',
	text = `Supervision notes ${newId()}`
): Promise<CheckedFile> {
	const bytes = new TextEncoder().encode(text);
	const checked = await checkUpload(name, bytes);
	if (!checked.ok) throw new Error(checked.message);
	return { name: checked.name, kind: checked.kind, size: checked.size, bytes };
}

const sha256 = (file: CheckedFile) => createHash('sha256').update(file.bytes).digest('hex');
const isStored = (file: CheckedFile) => hasStoredFile(filesDir(), sha256(file), file.size);

async function rowsFor(db: Db, evidenceId: string) {
	return db
		.selectFrom('attachments')
		.select(['id', 'file_hash', 'removed_at'])
		.where('evidence_id', '=', evidenceId)
		.orderBy('name')
		.execute();
}

describe.each(testDatabases())('attachments on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	it('saves a new record with its files, bytes and all', async () => {
		const owner = await newUser(db);
		const files = [await textFile('one.txt'), await textFile('two.txt')];
		const id = await createEvidenceWithFiles(db, owner, input(), files);
		const record = await getEvidence(db, id);
		expect(record?.attachments.map((a) => a.name)).toEqual(['one.txt', 'two.txt']);
		const rows = await rowsFor(db, id);
		expect(rows.map((r) => r.file_hash)).toEqual(files.map(sha256));
		for (const [i, row] of rows.entries())
			expect(await readStoredFile(filesDir(), row.file_hash)).toEqual(Buffer.from(files[i].bytes));
	});

	it('saves nothing, not even the record, when one of its files cannot be recorded', async () => {
		const owner = await newUser(db);
		const [good, bad] = [await textFile('good.txt'), await textFile('bad.txt')];
		// The database refuses a file without a type, after the record's row went in.
		const refused = { ...bad, kind: { ...bad.kind, mime: null as unknown as string } };
		await expect(createEvidenceWithFiles(db, owner, input(), [good, refused])).rejects.toThrow();
		const records = db.selectFrom('evidence').select('id').where('owner_id', '=', owner);
		expect(await records.execute()).toEqual([]);
		expect(await isStored(good)).toBe(false);
		expect(await isStored(bad)).toBe(false);
	});

	it('deletes the bytes of a refused save, but not bytes another record uses', async () => {
		const owner = await newUser(db);
		const [shared, fresh] = [await textFile('shared.txt'), await textFile('fresh.txt')];
		const other = await createEvidenceWithFiles(db, owner, input('Other'), [shared]);
		const id = await createEvidenceWithFiles(db, owner, input(), []);
		await updateEvidenceWithFiles(db, owner, id, 1, input('Saved in another tab'), []);
		const stale = updateEvidenceWithFiles(db, owner, id, 1, input('Stale'), [shared, fresh]);
		await expect(stale).rejects.toBeInstanceOf(FieldError);
		await expect(stale).rejects.toMatchObject({ field: 'editor', status: 409 });
		expect(await rowsFor(db, id)).toEqual([]);
		expect(await rowsFor(db, other)).toHaveLength(1);
		expect(await isStored(shared)).toBe(true);
		expect(await isStored(fresh)).toBe(false);
	});

	it('adds files to a saved record with its changes', async () => {
		const owner = await newUser(db);
		const id = await createEvidenceWithFiles(db, owner, input(), [await textFile('first.txt')]);
		const added = await textFile('second.txt');
		await updateEvidenceWithFiles(db, owner, id, 1, input('Changed'), [added]);
		const record = await getEvidence(db, id);
		expect(record).toMatchObject({ title: 'Changed', version: 2 });
		expect(record?.attachments.map((a) => a.name)).toEqual(['first.txt', 'second.txt']);
		expect(await isStored(added)).toBe(true);
	});

	it('deletes a file’s bytes when the last record using them lets go of it', async () => {
		const owner = await newUser(db);
		const file = await textFile();
		const first = await createEvidenceWithFiles(db, owner, input('First'), [file]);
		const second = await createEvidenceWithFiles(db, owner, input('Second'), [file]);
		const [firstRow] = await rowsFor(db, first);
		const [secondRow] = await rowsFor(db, second);
		expect(firstRow.file_hash).toBe(secondRow.file_hash);

		await removeAttachment(db, owner, first, firstRow.id);
		expect((await getEvidence(db, first))?.attachments).toEqual([]);
		expect(await isStored(file)).toBe(true);
		await removeAttachment(db, owner, second, secondRow.id);
		expect((await getEvidence(db, second))?.attachments).toEqual([]);
		expect(await isStored(file)).toBe(false);
		// The rows stay, marked removed, for the record's history.
		expect((await rowsFor(db, second))[0].removed_at).not.toBeNull();
	});

	it('puts back bytes deleted between storing them and the transaction that uses them', async () => {
		const owner = await newUser(db);
		const file = await textFile();
		const old = await createEvidenceWithFiles(db, owner, input('Old'), [file]);
		// Another request stores the same bytes (already there, so nothing is written) ...
		const uploads = await storeUploads([file]);
		// ... then the only record using them lets go, and the bytes are deleted ...
		await removeAttachment(db, owner, old, (await rowsFor(db, old))[0].id);
		expect(await isStored(file)).toBe(false);
		// ... before the other request's transaction names them.
		const id = await db.transaction().execute(async (tx) => {
			const id = await createEvidence(tx, owner, input('New'));
			await recordAttachments(tx, owner, id, uploads);
			return id;
		});
		const [row] = await rowsFor(db, id);
		expect(await readStoredFile(filesDir(), row.file_hash)).toEqual(Buffer.from(file.bytes));
	});
});

// SQLite runs one write transaction at a time, so this can only happen on PostgreSQL.
const postgres = testDatabases().filter((d) => d.name === 'PostgreSQL');

describe.each(postgres)('stored files on $name, with transactions at once', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	/** Resolves once a transaction is waiting for a stored file's lock; stops when told. */
	async function waitingForFileLock(stop: { done: boolean }) {
		while (!stop.done) {
			const { rows } = await sql<{ n: number }>`
				select count(*)::int as n from pg_locks
				where locktype = 'advisory' and classid = ${fileLockSpace}::oid and not granted`.execute(db);
			if (rows[0].n > 0) return 'waiting' as const;
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		return 'stopped' as const;
	}

	it('deletes unused bytes only after a transaction naming them has finished', async () => {
		const owner = await newUser(db);
		const file = await textFile();
		const old = await createEvidenceWithFiles(db, owner, input('Old'), [file]);
		await db
			.updateTable('attachments')
			.set({ removed_at: '2026-01-01T00:00:00.000Z' })
			.where('evidence_id', '=', old)
			.execute();
		const uploads = await storeUploads([file]);
		let releasing: Promise<number> | undefined;
		await db.transaction().execute(async (tx) => {
			const id = await createEvidence(tx, owner, input('New'));
			await recordAttachments(tx, owner, id, uploads);
			// While this transaction is open, a clean-up finds no committed reference to the bytes.
			releasing = releaseStoredFiles(db, filesDir(), [sha256(file)]);
			const stop = { done: false };
			const first = await Promise.race([
				releasing.then(() => 'released' as const),
				waitingForFileLock(stop)
			]);
			stop.done = true;
			expect(first).toBe('waiting');
		});
		expect(await releasing).toBe(0);
		expect(await isStored(file)).toBe(true);
	});
	it('deletes a draft with its mapping and files; bytes another record shares stay', async () => {
		const owner = await newUser(db);
		const shared = await textFile('shared.txt');
		const own = await textFile('own.txt');
		const draft = await createEvidenceWithFiles(db, owner, input('To delete'), [shared, own]);
		const other = await createEvidenceWithFiles(db, owner, input('To keep'), [shared]);
		await deleteDraft(db, owner, draft);
		expect(await getEvidence(db, draft)).toBeUndefined();
		expect(await rowsFor(db, draft)).toEqual([]);
		expect(await isStored(own)).toBe(false);
		expect(await isStored(shared)).toBe(true);
		expect((await getEvidence(db, other))?.attachments).toHaveLength(1);
	});

	it('refuses to delete someone else’s draft, or a record once submitted', async () => {
		const owner = await newUser(db);
		const intruder = await newUser(db);
		const file = await textFile('kept.txt');
		const draft = await createEvidenceWithFiles(db, owner, input(), [file]);
		await expect(deleteDraft(db, intruder, draft)).rejects.toThrow(FieldError);
		await db.updateTable('evidence').set({ status: 'submitted' }).where('id', '=', draft).execute();
		await expect(deleteDraft(db, owner, draft)).rejects.toThrow(/Only a draft can be deleted/);
		expect(await getEvidence(db, draft)).toBeDefined();
		expect(await isStored(file)).toBe(true);
	});
});
