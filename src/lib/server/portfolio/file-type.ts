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

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const pdfSignature = ascii('%PDF-');
const zipSignature = ascii('PK\x03\x04');
const zipLocalSignature = 0x04034b50;
const zipCentralSignature = 0x02014b50;
const zipEndSignature = 0x06054b50;
const zipDescriptorSignature = 0x08074b50;
const ole2Signature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const jpegSignature = [0xff, 0xd8, 0xff];
const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const gifSignatures = [ascii('GIF87a'), ascii('GIF89a')];
const riffSignature = ascii('RIFF');
const webpSignature = ascii('WEBP');
const utf8Bom = [0xef, 0xbb, 0xbf];

// HTML and SVG are valid text, but a browser that opens one runs its scripts, so text that
// announces itself as markup is refused even though downloads are served as attachments.
const markupStarts = ['<!doctype', '<html', '<svg', '<?xml', '<script'];

// Enough entries for any real document; stops a crafted archive from keeping the scan busy.
const maxZipEntries = 10_000;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const zipNames = new TextDecoder('utf-8');

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
	if (bytes.length < at + signature.length) return false;
	return signature.every((b, i) => bytes[at + i] === b);
}

/** Entry names (lower case) from the local headers at the start and from the central directory. */
function zipEntryNames(bytes: Uint8Array): Set<string> {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const names = new Set<string>();
	const name = (at: number, length: number) =>
		zipNames.decode(bytes.subarray(at, at + length)).toLowerCase();

	// Local headers first: they work even when the archive is cut short, but stop at the first
	// entry whose size is only given after its data (bit 3), as the next header can't be found.
	let at = 0;
	for (let i = 0; i < maxZipEntries && at + 30 <= bytes.length; i++) {
		if (view.getUint32(at, true) !== zipLocalSignature) break;
		const flags = view.getUint16(at + 6, true);
		const compressedSize = view.getUint32(at + 18, true);
		const nameLength = view.getUint16(at + 26, true);
		const extraLength = view.getUint16(at + 28, true);
		if (at + 30 + nameLength > bytes.length) break;
		names.add(name(at + 30, nameLength));
		if (compressedSize === 0xffffffff || (flags & 0x08 && compressedSize === 0)) break;
		at += 30 + nameLength + extraLength + compressedSize;
		if (
			flags & 0x08 &&
			at + 4 <= bytes.length &&
			view.getUint32(at, true) === zipDescriptorSignature
		)
			at += 16;
	}

	// The central directory lists every entry; its end record sits in the last 64 KiB or so.
	const lowest = Math.max(0, bytes.length - 22 - 0xffff);
	for (let end = bytes.length - 22; end >= lowest; end--) {
		if (view.getUint32(end, true) !== zipEndSignature) continue;
		const entries = view.getUint16(end + 10, true);
		let entry = view.getUint32(end + 16, true);
		for (let i = 0; i < Math.min(entries, maxZipEntries) && entry + 46 <= end; i++) {
			if (view.getUint32(entry, true) !== zipCentralSignature) break;
			const nameLength = view.getUint16(entry + 28, true);
			const extraLength = view.getUint16(entry + 30, true);
			const commentLength = view.getUint16(entry + 32, true);
			if (entry + 46 + nameLength > end) break;
			names.add(name(entry + 46, nameLength));
			entry += 46 + nameLength + extraLength + commentLength;
		}
		break;
	}
	return names;
}

/** A .docx: a ZIP holding a Word main part. Plain archives, spreadsheets and slides are not. */
function isDocx(bytes: Uint8Array): boolean {
	const names = zipEntryNames(bytes);
	// Macro projects only belong in .docm files; a .docx carrying one is a disguise.
	for (const name of names) if (name.endsWith('vbaproject.bin')) return false;
	return names.has('word/document.xml');
}

type TextCheck = 'text' | 'markup' | 'empty' | 'not text';

function checkText(bytes: Uint8Array): TextCheck {
	const body = startsWith(bytes, utf8Bom) ? bytes.subarray(utf8Bom.length) : bytes;
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

type Classification = { kind: FileKind } | { refused: 'empty' | 'markup' | 'unknown' };

function classify(bytes: Uint8Array): Classification {
	if (bytes.length === 0) return { refused: 'empty' };
	if (startsWith(bytes, pdfSignature)) return { kind: pdf };
	if (startsWith(bytes, zipSignature)) {
		return isDocx(bytes) ? { kind: docx } : { refused: 'unknown' };
	}
	// Excel, PowerPoint, Outlook and Windows Installer files share this container signature, so
	// this accepts them too; downloads should carry a Word extension (see `downloadName`).
	if (startsWith(bytes, ole2Signature)) return { kind: doc };
	if (startsWith(bytes, jpegSignature)) return { kind: jpeg };
	if (startsWith(bytes, pngSignature)) return { kind: png };
	if (gifSignatures.some((s) => startsWith(bytes, s))) return { kind: gif };
	if (startsWith(bytes, riffSignature) && startsWith(bytes, webpSignature, 8)) {
		return { kind: webp };
	}
	const check = checkText(bytes);
	if (check === 'text') return { kind: text };
	if (check === 'not text') return { refused: 'unknown' };
	return { refused: check };
}

/** The allowed kind the bytes are, or undefined. */
export function sniffFileKind(bytes: Uint8Array): FileKind | undefined {
	const result = classify(bytes);
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
export function checkUpload(name: string, bytes: Uint8Array): UploadCheck {
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
	const result = classify(bytes);
	if ('kind' in result) return { ok: true, kind: result.kind, name, size };
	if (result.refused === 'empty') return { ok: false, message: `${quoted} is empty.` };
	const zipNames = startsWith(bytes, zipSignature) ? zipEntryNames(bytes) : undefined;
	return { ok: false, message: refusalMessage(name, bytes, result.refused, zipNames) };
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
