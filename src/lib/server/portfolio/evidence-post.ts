import type { Db } from '../db';
import { tooManyFiles } from './attachments';
import { isModelChange, parseEvidenceForm } from './evidence-form';
import { readForm, readUploads } from './uploads';

/**
 * Reads the evidence form as the new-record and edit pages post it, files and all: the record
 * to save, the values to show again and a message per field (the files' too). `modelChange`
 * says the person only asked for another reflective model's prompts (the form without
 * JavaScript), so nothing is saved and the files are not read.
 */
export async function readEvidencePost(db: Db, request: Request, evidenceId: string | null) {
	const form = await readForm(request);
	const { input, values, errors } = parseEvidenceForm(form);
	if (isModelChange(form)) return { form, input, values, errors, files: [], modelChange: true };
	const uploads = await readUploads(form);
	if (uploads.error) errors.files = uploads.error;
	const tooMany = await tooManyFiles(db, evidenceId, uploads.files.length);
	if (tooMany) errors.files = tooMany;
	return { form, input, values, errors, files: uploads.files, modelChange: false };
}
