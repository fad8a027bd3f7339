import { fileTypeFromBuffer, type FileTypeResult } from 'file-type';
import { refusalMessage } from './file-description';

export const maxFileBytes = 10 * 1024 * 1024;
export const maxFilesPerRecord = 20;

export interface FileKind {
	mime: string; // e.g. 'application/pdf'
	label: string; // e.g. 'PDF'
	extensions: string[]; // e.g. ['pdf']
}

const pdf: FileKind = { mime: 'application/pdf', label: 'PDF', extensions: ['pdf'] };
const docx: FileKind = {
	mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	label: 'Word',
	extensions: ['docx']
};
const doc: FileKind = { mime: 'application/msword', label: 'Word', extensions: ['doc'] };
const jpeg: FileKind = { mime: 'image/jpeg', label: 'JPEG', extensions: ['jpg', 'jpeg'] };
const png: FileKind = { mime: 'image/png', label: 'PNG', extensions: ['png'] };
const gif: FileKind = { mime: 'image/gif', label: 'GIF', extensions: ['gif'] };
const webp: FileKind = { mime: 'image/webp', label: 'WebP', extensions: ['webp'] };
const text: FileKind = { mime: 'text/plain', label: 'plain text', extensions: ['txt'] };

const allKinds = [pdf, docx, doc, jpeg, png, gif, webp, text];
const bytesPerMegabyte = 1024 * 1024;
const maxNameLength = 200;

const utf8Bom = [0xef, 0xbb, 0xbf];

/**
 * The kinds that may be attached, by what `file-type` calls the bytes. An animated PNG is a
 * PNG. Old Word documents are OLE2 containers (`cfb`), which Excel, PowerPoint, Outlook and
 * Windows Installer files share, so this accepts them too; downloads carry a Word extension
 * (see `downloadName`). Office packages are told apart by the content types they declare, as
 * Office does: a .docm (macros) is not a .docx, and Office runs macros only from a package
 * declared macro-enabled.
 */
const allowed: Record<string, FileKind> = {
	pdf,
	docx,
	cfb: doc,
	jpg: jpeg,
	png,
	apng: png,
	gif,
	webp
};

// HTML and SVG are valid text, but a browser that opens one runs its scripts, so text that
// announces itself as markup is refused even though downloads are served as attachments.
const markupStarts = ['<!doctype', '<html', '<svg', '<?xml', '<script'];

const utf8 = new TextDecoder('utf-8', { fatal: true });

type TextCheck = 'text' | 'markup' | 'empty' | 'not text';

/** Plain text has no signature: it is valid UTF-8 without control characters, and not markup. */
function checkText(bytes: Uint8Array): TextCheck {
	const bom = utf8Bom.every((b, i) => bytes[i] === b);
	const body = bom ? bytes.subarray(utf8Bom.length) : bytes;
	if (body.length === 0) return 'empty';
	for (const b of body) {
		// UTF-8 only uses bytes below 0x20 for the C0 controls themselves, so bytes will do.
		if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) return 'not text';
	}
	let decoded: string;
	try {
		decoded = utf8.decode(body);
	} catch {
		return 'not text';
	}
	const start = decoded.trimStart().slice(0, 16).toLowerCase();
	return markupStarts.some((s) => start.startsWith(s)) ? 'markup' : 'text';
}

/** What `file-type` finds the bytes to be, if anything; a file it cannot parse is nothing known. */
async function detect(bytes: Uint8Array): Promise<FileTypeResult | undefined> {
	try {
		return await fileTypeFromBuffer(bytes);
	} catch {
		return undefined;
	}
}

type Classification =
	| { kind: FileKind }
	| { refused: 'empty' | 'markup' }
	| { refused: 'unknown'; found?: FileTypeResult };

async function classify(bytes: Uint8Array): Promise<Classification> {
	if (bytes.length === 0) return { refused: 'empty' };
	const found = await detect(bytes);
	if (found && Object.hasOwn(allowed, found.ext)) return { kind: allowed[found.ext] };
	// Text-based formats (RTF, CSV, calendars) are taken as the plain text they are.
	const check = checkText(bytes);
	if (check === 'text') return { kind: text };
	if (check === 'not text') return { refused: 'unknown', found };
	return { refused: check };
}

/** The allowed kind the bytes are, or undefined. */
export async function sniffFileKind(bytes: Uint8Array): Promise<FileKind | undefined> {
	const result = await classify(bytes);
	return 'kind' in result ? result.kind : undefined;
}

// A right-to-left override (U+202E) can make "report<RLO>fdp.exe" display as "reportexe.pdf".
const invisibleFormatting = [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e];

function isControl(codePoint: number): boolean {
	return (
		codePoint < 0x20 ||
		(codePoint >= 0x7f && codePoint <= 0x9f) ||
		(codePoint >= 0x2066 && codePoint <= 0x2069) ||
		invisibleFormatting.includes(codePoint) ||
		// Iterating by code point leaves only unpaired surrogates in this range.
		(codePoint >= 0xd800 && codePoint <= 0xdfff)
	);
}

/** The name as it can safely appear in a message: no control characters, and not too long. */
function shown(name: string): string {
	const chars = Array.from(name, (c) => (isControl(c.codePointAt(0) ?? 0) ? '\ufffd' : c));
	return chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : chars.join('');
}

/** Why a file name is refused, or undefined. Names are shown to people and used in downloads. */
export function fileNameProblem(name: string): string | undefined {
	// Browsers send only the base name, but a crafted request can send anything.
	if (name.trim() === '') return 'A file was sent without a name.';
	const notAllowed = (reason: string) =>
		`The file name “${shown(name)}” is not allowed: file names ${reason}.`;
	if (/[/\\]/.test(name) || name === '..') {
		return notAllowed('cannot contain folders (/ or \\) or “..”');
	}
	if (Array.from(name).some((c) => isControl(c.codePointAt(0) ?? 0))) {
		return notAllowed('cannot contain control characters');
	}
	if (name.startsWith('.')) return notAllowed('cannot start with a full stop');
	if (/[<>:"|?*]/.test(name)) return notAllowed('cannot contain < > : " | ? or *');
	if (Array.from(name).length > maxNameLength) {
		return `The file name “${shown(name)}” is too long: file names must be ${maxNameLength} characters or fewer.`;
	}
	return undefined;
}

function inMegabytes(bytes: number): string {
	const megabytes = bytes / bytesPerMegabyte;
	const whole = Math.round(megabytes);
	// Rounded up to one decimal, a file just over the limit never reads as being within it.
	if (megabytes < 10 || (bytes > maxFileBytes && whole * bytesPerMegabyte <= maxFileBytes)) {
		return `${(Math.ceil(megabytes * 10) / 10).toFixed(1)} MB`;
	}
	return `${whole} MB`;
}

export type UploadCheck =
	{ ok: true; kind: FileKind; name: string; size: number } | { ok: false; message: string };

/** Checks one uploaded file: its name, size, and what its bytes are. `name` is what the browser sent. */
export async function checkUpload(name: string, bytes: Uint8Array): Promise<UploadCheck> {
	const nameProblem = fileNameProblem(name);
	if (nameProblem) return { ok: false, message: nameProblem };
	const quoted = `“${name}”`;
	const size = bytes.length;
	if (size === 0) return { ok: false, message: `${quoted} is empty.` };
	if (size > maxFileBytes) {
		return {
			ok: false,
			message: `${quoted} is ${inMegabytes(size)}: files must be ${inMegabytes(maxFileBytes)} or smaller.`
		};
	}
	const result = await classify(bytes);
	if ('kind' in result) return { ok: true, kind: result.kind, name, size };
	if (result.refused === 'empty') return { ok: false, message: `${quoted} is empty.` };
	const found = result.refused === 'unknown' ? result.found : undefined;
	return { ok: false, message: refusalMessage(name, bytes, result.refused, found) };
}

/**
 * The name to download a stored file under, given the MIME type its bytes were found to be. The
 * name is kept as sent, so a text file called "run.bat" or an installer called "setup.msi" would
 * run when opened; ending the name with an extension that matches the bytes means it opens in the
 * right program instead.
 */
export function downloadName(name: string, mime: string): string {
	const extensions = allKinds.filter((k) => k.mime === mime).flatMap((k) => k.extensions);
	const dot = name.lastIndexOf('.');
	const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
	return extensions.includes(extension) ? name : `${name}.${extensions[0] ?? 'bin'}`;
}

function listed(items: string[]): string {
	return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** A one-line list of what may be attached, for hints: "PDF, Word, JPEG, PNG, GIF, WebP or plain text, up to 10 MB each". */
export const allowedFilesHint = `${listed([...new Set(allKinds.map((k) => k.label))])}, up to ${inMegabytes(maxFileBytes)} each`;
