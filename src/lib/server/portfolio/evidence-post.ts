import type { Db } from '../db';
import { dateParts } from '../forms';
import { tooManyFiles } from './attachments';
import { isModelChange, parseEvidenceForm } from './evidence-form';
import { readForm, readUploads } from './uploads';

/** What the practitioner cannot change of feedback given by link: when, what kind, what was said. */
export interface FixedFields {
	activity_date: string;
	type: string;
	account: string;
}

/**
 * Reads the evidence form as the new-record and edit pages post it, files and all: the record
 * to save, the values to show again and a message per field (the files' too). `modelChange`
 * says the person only asked for another reflective model's prompts (the form without
 * JavaScript), so nothing is saved and the files are not read. `fixed`: fields kept as stored
 * whatever is posted (feedback given by link, whose words are someone else's).
 */
export async function readEvidencePost(
	db: Db,
	request: Request,
	evidenceId: string | null,
	fixed?: FixedFields
) {
	const form = await readForm(request);
	if (fixed) fixFields(form, fixed);
	const { input, values, errors } = parseEvidenceForm(form);
	if (isModelChange(form)) return { form, input, values, errors, files: [], modelChange: true };
	const uploads = await readUploads(form);
	if (uploads.error) errors.files = uploads.error;
	const tooMany = await tooManyFiles(db, evidenceId, uploads.files.length);
	if (tooMany) errors.files = tooMany;
	return { form, input, values, errors, files: uploads.files, modelChange: false };
}

function fixFields(form: FormData, fixed: FixedFields) {
	form.set('type', fixed.type);
	form.set('account', fixed.account);
	const date = dateParts(fixed.activity_date);
	for (const part of ['day', 'month', 'year']) form.set(`activityDate-${part}`, date[part]);
}
