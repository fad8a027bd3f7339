import type { Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { timestamp } from '../db/time';
import { createEvidence, updateEvidence, type EvidenceInput } from './evidence';
import { ensureStored, releaseStoredFiles } from './file-references';
import { fileStoreSetting } from '../storage/location.js';
import type { TextCheck } from './file-check';
import { storeFile } from './file-store';
import { maxFilesPerRecord, type FileKind } from './file-type';

/** The app's file store: a folder's path, or a bucket's `s3://` address (FILES_STORE, FILES_DIR). */
export const filesDir = () => fileStoreSetting();

export interface CheckedFile {
	name: string;
	kind: FileKind;
	size: number;
	bytes: Uint8Array;
	/** What the anonymity check found in its text, when it was checked. */
	textCheck?: TextCheck;
}

export async function attachmentCount(db: Db, evidenceId: string) {
	const row = await db
		.selectFrom('attachments')
		.select((eb) => eb.fn.countAll().as('n'))
		.where('evidence_id', '=', evidenceId)
		.where('removed_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** How many more files a record can take; a message when the new ones would be too many. */
export async function tooManyFiles(db: Db, evidenceId: string | null, adding: number) {
	const existing = evidenceId ? await attachmentCount(db, evidenceId) : 0;
	if (existing + adding <= maxFilesPerRecord) return undefined;
	return `A record can have up to ${maxFilesPerRecord} files. It has ${existing}, so you can add ${maxFilesPerRecord - existing} more.`;
}

/**
 * Deletes bytes nothing refers to any more. The change that let go of them has happened
 * either way, so a failure here is only logged: the next start-up sweep finds the bytes.
 */
async function release(db: Db, hashes: string[]) {
	await releaseStoredFiles(db, filesDir(), hashes).catch((error) =>
		console.error(`Stored files not deleted (the next sweep will): ${(error as Error).message}`)
	);
}

export interface StoredUpload extends CheckedFile {
	hash: string;
}

/** Writes the files' bytes to the store (durably) before anything in the database names them. */
export async function storeUploads(files: CheckedFile[]): Promise<StoredUpload[]> {
	const stored: StoredUpload[] = [];
	for (const file of files) stored.push({ ...file, hash: await storeFile(filesDir(), file.bytes) });
	return stored;
}

/** A stored file as the attachments table holds it. */
export function attachmentRow(evidenceId: string, actorId: string, file: StoredUpload, now: Date) {
	return {
		id: newId(),
		evidence_id: evidenceId,
		file_hash: file.hash,
		name: file.name,
		mime: file.kind.mime,
		size: file.size,
		created_at: timestamp(now),
		created_by: actorId,
		removed_at: null,
		text_check: file.textCheck ? JSON.stringify(file.textCheck) : null
	};
}

/** In the record's transaction: the attachment rows, and bytes still there for each of them. */
export async function recordAttachments(
	tx: Db,
	actorId: string,
	evidenceId: string,
	files: StoredUpload[],
	now = new Date()
) {
	for (const file of files) {
		await tx
			.insertInto('attachments')
			.values(attachmentRow(evidenceId, actorId, file, now))
			.execute();
		await recordEvent(
			tx,
			{
				actorId,
				action: 'evidence.file-added',
				subjectType: 'evidence',
				subjectId: evidenceId,
				detail: { name: file.name, size: file.size }
			},
			now
		);
	}
	await ensureStored(tx, filesDir(), files);
}

/**
 * Stores the files, then runs `save` with them in one transaction: a crash leaves either no
 * trace in the database or the whole change with every file. Bytes stored for a change that did
 * not commit are deleted again (or, after a crash, swept at start-up).
 */
export async function withStoredFiles<T>(
	db: Db,
	files: CheckedFile[],
	save: (tx: Db, stored: StoredUpload[]) => Promise<T>
): Promise<T> {
	const stored = await storeUploads(files);
	try {
		return await db.transaction().execute((tx) => save(tx, stored));
	} catch (error) {
		await release(
			db,
			stored.map((f) => f.hash)
		);
		throw error;
	}
}

/** Runs `save` and records the attachments of the record it saves, with the files stored. */
function saveWithFiles(
	db: Db,
	actorId: string,
	files: CheckedFile[],
	save: (tx: Db) => Promise<string>
): Promise<string> {
	return withStoredFiles(db, files, async (tx, stored) => {
		const evidenceId = await save(tx);
		await recordAttachments(tx, actorId, evidenceId, stored);
		return evidenceId;
	});
}

/** A new draft with its files, as one unit of work; returns its id. */
export function createEvidenceWithFiles(
	db: Db,
	ownerId: string,
	input: EvidenceInput,
	files: CheckedFile[],
	now = new Date()
): Promise<string> {
	return saveWithFiles(db, ownerId, files, (tx) => createEvidence(tx, ownerId, input, now));
}

/** Saves changes to a record and adds files to it, as one unit of work. */
export async function updateEvidenceWithFiles(
	db: Db,
	actorId: string,
	id: string,
	expectedVersion: number,
	input: EvidenceInput,
	files: CheckedFile[],
	now = new Date()
): Promise<void> {
	await saveWithFiles(db, actorId, files, async (tx) => {
		await updateEvidence(tx, actorId, id, expectedVersion, input, now);
		return id;
	});
}

/** Takes a file off a record, and deletes its bytes when no other record shares them. */
export async function removeAttachment(
	db: Db,
	actorId: string,
	evidenceId: string,
	attachmentId: string,
	now = new Date()
) {
	const removed = await db.transaction().execute(async (tx) => {
		const row = await tx
			.updateTable('attachments')
			.set({ removed_at: timestamp(now) })
			.where('id', '=', attachmentId)
			.where('evidence_id', '=', evidenceId)
			.where('removed_at', 'is', null)
			.returning('file_hash')
			.executeTakeFirst();
		if (!row) return undefined;
		await recordEvent(
			tx,
			{
				actorId,
				action: 'evidence.file-removed',
				subjectType: 'evidence',
				subjectId: evidenceId,
				detail: { attachmentId }
			},
			now
		);
		return row.file_hash;
	});
	if (removed) await release(db, [removed]);
}

export function getAttachment(db: Db, evidenceId: string, attachmentId: string) {
	return db
		.selectFrom('attachments')
		.selectAll()
		.where('id', '=', attachmentId)
		.where('evidence_id', '=', evidenceId)
		.where('removed_at', 'is', null)
		.executeTakeFirst();
}
