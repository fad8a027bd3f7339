import type { Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { timestamp } from '../db/time';
import { storeFile } from './file-store';
import { checkUpload, maxFilesPerRecord, type FileKind } from './file-type';

export const filesDir = () => process.env.FILES_DIR || './data/files';

export interface CheckedFile {
	name: string;
	kind: FileKind;
	size: number;
	bytes: Uint8Array;
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

/** Writes the files to the store first, then records them, so a record never points at a missing file. */
export async function addAttachments(
	db: Db,
	actorId: string,
	evidenceId: string,
	files: CheckedFile[],
	now = new Date()
) {
	for (const file of files) {
		const hash = await storeFile(filesDir(), file.bytes);
		await db
			.insertInto('attachments')
			.values({
				id: newId(),
				evidence_id: evidenceId,
				file_hash: hash,
				name: file.name,
				mime: file.kind.mime,
				size: file.size,
				created_at: timestamp(now),
				created_by: actorId,
				removed_at: null
			})
			.execute();
		await recordEvent(
			db,
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
}

/** Takes a file off a record. The stored bytes stay (other records may share them by hash). */
export async function removeAttachment(
	db: Db,
	actorId: string,
	evidenceId: string,
	attachmentId: string,
	now = new Date()
) {
	const result = await db
		.updateTable('attachments')
		.set({ removed_at: timestamp(now) })
		.where('id', '=', attachmentId)
		.where('evidence_id', '=', evidenceId)
		.where('removed_at', 'is', null)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) === 1) {
		await recordEvent(
			db,
			{
				actorId,
				action: 'evidence.file-removed',
				subjectType: 'evidence',
				subjectId: evidenceId,
				detail: { attachmentId }
			},
			now
		);
	}
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

/** The files chosen in a form, each checked; the first problem stops them all (the text is kept). */
export async function readUploads(
	form: FormData
): Promise<{ files: CheckedFile[]; error?: string }> {
	const files: CheckedFile[] = [];
	for (const entry of form.getAll('files')) {
		if (typeof entry === 'string' || (entry.size === 0 && entry.name === '')) continue;
		const bytes = new Uint8Array(await entry.arrayBuffer());
		const checked = checkUpload(entry.name, bytes);
		if (!checked.ok)
			return {
				files: [],
				error: `${checked.message} Nothing was saved: fix the file and choose your files again.`
			};
		files.push({ name: checked.name, kind: checked.kind, size: checked.size, bytes });
	}
	return { files };
}

/** The form, or a message when the upload was too large to read at all (over BODY_SIZE_LIMIT). */
export async function readForm(request: Request): Promise<FormData | string> {
	try {
		return await request.formData();
	} catch {
		return 'The files were too large to upload together. Nothing was saved: attach fewer or smaller files (up to 10 MB each).';
	}
}
