import { Readable } from 'node:stream';
import { error } from '@sveltejs/kit';
import { requireRecordAccess } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { attachmentDisposition } from '$lib/server/http/download';
import { filesDir, getAttachment } from '$lib/server/portfolio/attachments';
import { getEvidence } from '$lib/server/portfolio/evidence';
import { openStoredFile } from '$lib/server/portfolio/file-store';
import { downloadName } from '$lib/server/portfolio/file-type';
import type { RequestHandler } from './$types';

/** Files are served only through this access check, always as a download, never inline. */
export const GET: RequestHandler = async ({ params }) => {
	const db = getDb();
	const record = await getEvidence(db, params.id);
	if (!record) error(404, 'There is no such file.');
	await requireRecordAccess(record);
	const file = await getAttachment(db, record.id, params.fileId);
	if (!file) error(404, 'There is no such file.');
	// Streamed from the store as it is sent, so a large file is never held in memory.
	const bytes = Readable.toWeb(await openStoredFile(filesDir(), file.file_hash));
	// The name gets the extension its bytes call for, so a text file called run.bat cannot run.
	const name = downloadName(file.name, file.mime);
	return new Response(bytes as ReadableStream<Uint8Array>, {
		headers: {
			'content-type': file.mime === 'text/plain' ? 'text/plain; charset=utf-8' : file.mime,
			'content-length': String(file.size),
			'content-disposition': attachmentDisposition(name),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
};
