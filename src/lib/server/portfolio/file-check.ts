import { z } from 'zod';
import { checkAnonymity, findingKindMessages, findingKindNames, type Finding } from './anonymity';
import { fileTextLimits, readFileText } from './file-text';
import type { FileKind } from './file-type';

// The anonymity check on an attachment's text, when it is added: what it finds, page by page,
// is kept with the attachment (`attachments.text_check`), so the record lists it and submitting
// asks for it to be confirmed (or the file replaced) as it does for the record's own text. A
// file whose text cannot be read says so: images and scans have none.

const fileFindingSchema = z.object({
	/** The page it is on; null for a Word document or a text file, which have no pages. */
	page: z.number().int().min(1).nullable(),
	kind: z.string(),
	match: z.string(),
	before: z.string(),
	after: z.string()
});

export const textCheckSchema = z.discriminatedUnion('status', [
	z.object({
		status: z.literal('checked'),
		unit: z.enum(['page', 'document', 'file']),
		/** Pages read, and how many the file has: fewer were read of a very long file. */
		pages: z.number().int().min(0),
		total: z.number().int().min(0),
		findings: z.array(fileFindingSchema),
		/** More were found than are kept. */
		more: z.number().int().min(0).default(0)
	}),
	z.object({ status: z.literal('no-text') }),
	z.object({ status: z.literal('unreadable') }),
	z.object({ status: z.literal('unsupported') })
]);

export type TextCheck = z.output<typeof textCheckSchema>;
export type FileFinding = z.output<typeof fileFindingSchema>;

/** Findings kept for one file: a report pasted whole may hold hundreds, and a few make the point. */
const keptFindings = 100;

/** Reads a file's text and checks it; `allowedNames` (its owner's) are not reported. */
export async function checkFileText(
	bytes: Uint8Array,
	kind: FileKind,
	allowedNames: string[],
	timeout?: number
): Promise<TextCheck> {
	const read = await readFileText(bytes, kind, timeout);
	if (read.status !== 'text') return { status: read.status };
	const findings = read.pages.flatMap((text, i) =>
		checkAnonymity([{ name: 'file', label: 'File', text }], { allowedNames }).map((f) => ({
			page: read.unit === 'page' ? i + 1 : null,
			kind: f.kind,
			match: f.match,
			before: f.before,
			after: f.after
		}))
	);
	return {
		status: 'checked',
		unit: read.unit,
		pages: read.pages.length,
		total: read.total,
		findings: findings.slice(0, keptFindings),
		more: Math.max(0, findings.length - keptFindings)
	};
}

/** Checks each file in turn, all within a time for the whole upload, so none waits for ever. */
export async function checkFilesText<T extends { bytes: Uint8Array; kind: FileKind }>(
	files: T[],
	allowedNames: string[],
	budget = 2 * fileTextLimits.milliseconds
): Promise<(T & { textCheck: TextCheck })[]> {
	const end = Date.now() + budget;
	const checked = [];
	for (const file of files) {
		const left = Math.min(fileTextLimits.milliseconds, end - Date.now());
		const textCheck: TextCheck =
			left > 0
				? await checkFileText(file.bytes, file.kind, allowedNames, left)
				: { status: 'unreadable' };
		checked.push({ ...file, textCheck });
	}
	return checked;
}

/** A stored check, or undefined for a file added before files were checked. */
export function readTextCheck(json: string | null): TextCheck | undefined {
	if (!json) return undefined;
	const parsed = textCheckSchema.safeParse(JSON.parse(json));
	return parsed.success ? parsed.data : undefined;
}

/** Where in a file a finding is, in words: "page 3", "in the document". */
export function placeOf(finding: FileFinding, unit: 'page' | 'document' | 'file') {
	if (finding.page) return `page ${finding.page}`;
	return unit === 'document' ? 'in the document' : 'in the file';
}

/** The files' findings as the record's own, to list with them and confirm before submitting. */
export function fileFindings(files: { name: string; check?: TextCheck }[]): Finding[] {
	return files.flatMap(({ name, check }) =>
		check?.status === 'checked'
			? check.findings.map((f) => ({
					...f,
					field: `file:${name}`,
					label: `${name}, ${placeOf(f, check.unit)} (${findingKindNames[f.kind] ?? f.kind})`,
					start: 0,
					end: 0,
					message: findingKindMessages[f.kind] ?? 'This may identify a child or family.'
				}))
			: []
	);
}
