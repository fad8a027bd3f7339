import type { Db } from '../db';
import { dateParts, maxTextLength } from '../forms';
import { tooManyFiles } from './attachments';
import { isModelChange, parseEvidenceForm } from './evidence-form';
import { isReplaceStep, replaceInForm, type ReplaceResult } from './evidence-replace';
import { checkFilesText } from './file-check';
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
 * JavaScript), and `replaced` that they asked for details to be replaced with placeholders: in
 * both, nothing is saved and the files are not read. Files to be saved have their text checked
 * for details that identify someone. `ownerName` is the person's own name, which the anonymity
 * check does not take for someone else's. `fixed`: fields kept as stored whatever is posted
 * (feedback given by link, whose words are someone else's), which nothing replaces either.
 */
export async function readEvidencePost(
	db: Db,
	request: Request,
	evidenceId: string | null,
	ownerName: string,
	fixed?: FixedFields
) {
	const form = await readForm(request);
	if (fixed) fixFields(form, fixed);
	const { input, values, errors } = parseEvidenceForm(form);
	const unsaved = {
		form,
		input,
		values,
		errors,
		files: [],
		modelChange: false,
		replaced: undefined as ReplaceResult | undefined
	};
	if (isModelChange(form)) return { ...unsaved, modelChange: true };
	// A text too long to keep is refused as saving would refuse it, before anything is checked.
	const tooLong = Object.values(values).some((value) => value.length > maxTextLength);
	if (isReplaceStep(form) && !tooLong)
		return {
			...unsaved,
			replaced: replaceInForm(form, values, [ownerName], fixed ? fixedTexts : [])
		};
	const uploads = await readUploads(form);
	if (uploads.error) errors.files = uploads.error;
	const tooMany = await tooManyFiles(db, evidenceId, uploads.files.length);
	if (tooMany) errors.files = tooMany;
	// Only files about to be saved are read for the anonymity check: it takes a moment each.
	if (Object.keys(errors).length) return unsaved;
	return { ...unsaved, files: await checkFilesText(uploads.files, [ownerName]) };
}

/** The texts of feedback given by link that are kept as given. */
export const fixedTexts = ['account'];

function fixFields(form: FormData, fixed: FixedFields) {
	form.set('type', fixed.type);
	form.set('account', fixed.account);
	const date = dateParts(fixed.activity_date);
	for (const part of ['day', 'month', 'year']) form.set(`activityDate-${part}`, date[part]);
}
