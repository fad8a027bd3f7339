import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { evidenceInput, newUser, testDatabases } from '../db/testing';
import { zipOf } from '../export/zip-buffers';
import { createEvidenceWithFiles, type CheckedFile } from './attachments';
import { getEvidence } from './evidence';
import { checkFilesText, checkFileText, fileFindings, type TextCheck } from './file-check';
import { checkUpload } from './file-type';
import { checkRecord } from './record-check';
import {
	identifyingSentence as identifying,
	imageOnlyPdf,
	pixelPng,
	twoPagePdf,
	wordDocument
} from './testing';

// The anonymity check inside attachments: the text of PDFs (page by page) and Word documents
// (which have no pages) read when they are added, what it finds kept with the file, and files
// whose text cannot be read said to be unchecked. The files are made on the spot (testing.ts).

/** A file as the upload would take it: its kind found from its bytes. */
async function upload(name: string, bytes: Uint8Array): Promise<CheckedFile> {
	const checked = await checkUpload(name, bytes);
	if (!checked.ok) throw new Error(checked.message);
	return { name, kind: checked.kind, size: checked.size, bytes };
}

const found = (check: TextCheck) =>
	check.status === 'checked' ? check.findings.map((f) => [f.page, f.kind, f.match]) : check.status;

describe('checkFileText', () => {
	it('finds a name, a date of birth and a postcode in a PDF, by page', async () => {
		const file = await upload('report.pdf', await twoPagePdf());
		const check = await checkFileText(file.bytes, file.kind, []);
		expect(found(check)).toEqual([
			[2, 'name', 'Jane Smith'],
			[2, 'date-of-birth', '04/05/2015'],
			[2, 'postcode', 'GL1 2AB']
		]);
		expect(check).toMatchObject({ status: 'checked', unit: 'page', pages: 2, total: 2, more: 0 });
	});

	it('finds them in a Word document, which has no pages', async () => {
		const bytes = await wordDocument(['Notes from the visit.', identifying]);
		const file = await upload('notes.docx', bytes);
		expect(file.kind.label).toBe('Word');
		const check = await checkFileText(file.bytes, file.kind, []);
		expect(found(check)).toEqual([
			[null, 'name', 'Jane Smith'],
			[null, 'date-of-birth', '04/05/2015'],
			[null, 'postcode', 'GL1 2AB']
		]);
		expect(check).toMatchObject({ unit: 'document', pages: 1 });
	});

	it('leaves out the owner’s own name, as in the record’s text', async () => {
		const file = await upload('report.pdf', await twoPagePdf());
		expect(found(await checkFileText(file.bytes, file.kind, ['Jane Smith']))).toEqual([
			[2, 'date-of-birth', '04/05/2015'],
			[2, 'postcode', 'GL1 2AB']
		]);
	});

	it('says a PDF with only a picture in it has no text to read', async () => {
		const file = await upload('scan.pdf', await imageOnlyPdf());
		expect(file.kind.label).toBe('PDF');
		expect(await checkFileText(file.bytes, file.kind, [])).toEqual({ status: 'no-text' });
	});

	it('says a picture has no text to read, and an old Word document cannot be read', async () => {
		const image = await upload('photo.png', pixelPng);
		expect(await checkFileText(image.bytes, image.kind, [])).toEqual({ status: 'no-text' });
		const doc = { mime: 'application/msword', label: 'Word', extensions: ['doc'] };
		expect(await checkFileText(new Uint8Array([1]), doc, [])).toEqual({ status: 'unsupported' });
	});

	it('reports a broken PDF or Word document as unread, without failing', async () => {
		const pdf = { mime: 'application/pdf', label: 'PDF', extensions: ['pdf'] };
		const broken = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> broken');
		expect(await checkFileText(broken, pdf, [])).toEqual({ status: 'unreadable' });
		const word = (await upload('notes.docx', await wordDocument(['x']))).kind;
		const notWord = new Uint8Array(await zipOf([['word/other.xml', 'not a document']]));
		expect(await checkFileText(notWord, word, [])).toEqual({ status: 'unreadable' });
	});

	it('checks a text file whole', async () => {
		const file = await upload('notes.txt', new TextEncoder().encode(identifying));
		expect(found(await checkFileText(file.bytes, file.kind, []))).toEqual([
			[null, 'name', 'Jane Smith'],
			[null, 'date-of-birth', '04/05/2015'],
			[null, 'postcode', 'GL1 2AB']
		]);
	});

	it('reads no file once the upload’s time for reading is used up', async () => {
		const file = await upload('report.pdf', await twoPagePdf());
		const [checked] = await checkFilesText([file], [], 0);
		expect(checked.textCheck).toEqual({ status: 'unreadable' });
	});
});

describe('fileFindings', () => {
	it('lists a file’s findings with the record’s, by file and page', () => {
		const check: TextCheck = {
			status: 'checked',
			unit: 'page',
			pages: 3,
			total: 3,
			more: 0,
			findings: [{ page: 3, kind: 'postcode', match: 'GL1 2AB', before: 'in ', after: '.' }]
		};
		expect(fileFindings([{ name: 'report.pdf', check }, { name: 'photo.png' }])).toEqual([
			{
				page: 3,
				kind: 'postcode',
				match: 'GL1 2AB',
				before: 'in ',
				after: '.',
				field: 'file:report.pdf',
				label: 'report.pdf, page 3 (Postcode)',
				start: 0,
				end: 0,
				message: 'This looks like a postcode. Leave out addresses and postcodes.'
			}
		]);
	});
});

describe.each(testDatabases())('attachments’ checks on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	it('keeps what was found with each file, for the record to list and submitting to confirm', async () => {
		const owner = await newUser(db, { name: 'Sam Okoro' });
		const pdf = await upload('report.pdf', await twoPagePdf());
		const scan = await upload('scan.pdf', await imageOnlyPdf());
		const files = await checkFilesText([pdf, scan], ['Sam Okoro']);
		const id = await createEvidenceWithFiles(db, owner, evidenceInput(), files);
		const record = (await getEvidence(db, id))!;
		expect(record.attachments.map((a) => [a.name, a.check?.status])).toEqual([
			['report.pdf', 'checked'],
			['scan.pdf', 'no-text']
		]);
		expect(checkRecord(record, ['Sam Okoro']).map((f) => [f.label, f.match])).toEqual([
			['report.pdf, page 2 (Name)', 'Jane Smith'],
			['report.pdf, page 2 (Date of birth)', '04/05/2015'],
			['report.pdf, page 2 (Postcode)', 'GL1 2AB']
		]);
	});
});
