import { describe, expect, it } from 'vitest';
import {
	allowedFilesHint,
	checkUpload,
	downloadName,
	fileNameProblem,
	maxFileBytes,
	maxFilesPerRecord,
	sniffFileKind
} from './file-type';

const bytes = (...parts: (string | number[])[]) =>
	Uint8Array.from(
		parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p))
	);
const utf8 = (s: string) => new TextEncoder().encode(s);

const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const u32 = (n: number) => [...u16(n & 0xffff), ...u16(n >>> 16)];

/** A ZIP entry: a name (holding 'x'), or a name and what it holds. */
type Entry = string | [name: string, data: string];

/** A ZIP local file entry, stored uncompressed (CRC left as zero: nothing here checks it). */
function localEntry(entry: Entry, flags = 0): number[] {
	const [name, data] = typeof entry === 'string' ? [entry, 'x'] : entry;
	return [
		...bytes('PK\x03\x04'),
		...u16(20),
		...u16(flags),
		...u16(0),
		...u32(0),
		...u32(0),
		...u32(flags & 0x08 ? 0 : data.length),
		...u32(flags & 0x08 ? 0 : data.length),
		...u16(name.length),
		...u16(0),
		...bytes(name),
		...bytes(data)
	];
}

/** A whole ZIP: local entries, then the central directory and its end record. */
function zip(entries: Entry[], flags = 0): Uint8Array {
	const out: number[] = [];
	const central: number[] = [];
	for (const entry of entries) {
		const [name, data] = typeof entry === 'string' ? [entry, 'x'] : entry;
		const offset = out.length;
		out.push(...localEntry(entry, flags));
		if (flags & 0x08)
			out.push(...u32(0x08074b50), ...u32(0), ...u32(data.length), ...u32(data.length));
		central.push(
			...bytes('PK\x01\x02'),
			...u16(20),
			...u16(20),
			...u16(flags),
			...u16(0),
			...u32(0),
			...u32(0),
			...u32(data.length),
			...u32(data.length),
			...u16(name.length),
			...u16(0),
			...u16(0),
			...u16(0),
			...u16(0),
			...u32(0),
			...u32(offset),
			...bytes(name)
		);
	}
	const centralOffset = out.length;
	out.push(...central);
	out.push(
		...bytes('PK\x05\x06'),
		...u16(0),
		...u16(0),
		...u16(entries.length),
		...u16(entries.length),
		...u32(central.length),
		...u32(centralOffset),
		...u16(0)
	);
	return Uint8Array.from(out);
}

/**
 * An Office package's [Content_Types].xml, declaring its main part: how Word (and `file-type`)
 * tell a .docx from a .docm, a spreadsheet or slides.
 */
const contentTypes = (part: string, type: string): Entry => [
	'[Content_Types].xml',
	`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${part}" ContentType="application/vnd.${type}.main+xml"/></Types>`
];
const word = contentTypes(
	'word/document.xml',
	'openxmlformats-officedocument.wordprocessingml.document'
);
const docxNames: Entry[] = [word, '_rels/.rels', 'word/document.xml', 'word/styles.xml'];
const docmNames: Entry[] = [
	contentTypes('word/document.xml', 'ms-word.document.macroEnabled'),
	'_rels/.rels',
	'word/document.xml',
	'word/vbaProject.bin'
];
const xlsxNames: Entry[] = [
	contentTypes('xl/workbook.xml', 'openxmlformats-officedocument.spreadsheetml.sheet'),
	'xl/workbook.xml'
];
const pptxNames: Entry[] = [
	contentTypes('ppt/presentation.xml', 'openxmlformats-officedocument.presentationml.presentation'),
	'ppt/presentation.xml'
];

const samples = {
	pdf: bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n'),
	doc: bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [0, 0, 0, 0]),
	jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0'),
	png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR'),
	gif87: bytes('GIF87a', [1, 0, 1, 0]),
	gif89: bytes('GIF89a', [1, 0, 1, 0]),
	webp: bytes('RIFF', u32(26), 'WEBPVP8 '),
	pe: bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff], 'This program cannot be run'),
	elf: bytes([0x7f], 'ELF', [2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0])
};

describe('limits', () => {
	it('allows 10 MB a file and 20 files a record', () => {
		expect(maxFileBytes).toBe(10 * 1024 * 1024);
		expect(maxFilesPerRecord).toBe(20);
	});

	it('describes what may be attached in one line', () => {
		expect(allowedFilesHint).toBe(
			'PDF, Word, JPEG, PNG, GIF, WebP or plain text, up to 10 MB each'
		);
	});
});

describe('sniffFileKind', () => {
	it('recognises PDFs, Word documents and images by their first bytes', async () => {
		expect(await sniffFileKind(samples.pdf)).toMatchObject({
			mime: 'application/pdf',
			label: 'PDF'
		});
		expect(await sniffFileKind(samples.doc)).toMatchObject({
			mime: 'application/msword',
			label: 'Word'
		});
		expect((await sniffFileKind(samples.jpeg))?.mime).toBe('image/jpeg');
		expect((await sniffFileKind(samples.png))?.mime).toBe('image/png');
		expect((await sniffFileKind(samples.gif87))?.mime).toBe('image/gif');
		expect((await sniffFileKind(samples.gif89))?.mime).toBe('image/gif');
		expect((await sniffFileKind(samples.webp))?.mime).toBe('image/webp');
		expect((await sniffFileKind(samples.pdf))?.extensions).toEqual(['pdf']);
	});

	it('takes a ZIP whose content types declare a Word document as a .docx, from local headers alone', async () => {
		const kind = await sniffFileKind(Uint8Array.from(docxNames.flatMap((n) => localEntry(n))));
		expect(kind).toMatchObject({
			mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			label: 'Word',
			extensions: ['docx']
		});
	});

	it('reads the content types when local sizes come after the data', async () => {
		// With bit 3 set, sizes follow the data, in a descriptor after each entry.
		expect((await sniffFileKind(zip(docxNames, 0x08)))?.label).toBe('Word');
		expect((await sniffFileKind(zip(docxNames)))?.label).toBe('Word');
	});

	it('refuses other ZIPs: plain archives, spreadsheets, slides and macro documents', async () => {
		expect(await sniffFileKind(Uint8Array.from(localEntry('xl/workbook.xml')))).toBeUndefined();
		expect(await sniffFileKind(zip(xlsxNames))).toBeUndefined();
		expect(await sniffFileKind(zip(pptxNames))).toBeUndefined();
		expect(await sniffFileKind(zip(['notes.txt', 'photo.jpg']))).toBeUndefined();
		expect(await sniffFileKind(zip(docmNames))).toBeUndefined();
		expect(await sniffFileKind(bytes('PK\x03\x04'))).toBeUndefined();
	});

	it('takes valid UTF-8 without control characters as plain text', async () => {
		const kind = await sniffFileKind(
			utf8('Reflection on the Café visit 👍\r\n\tNext steps:\f done\n')
		);
		expect(kind).toMatchObject({ mime: 'text/plain', label: 'plain text' });
		expect((await sniffFileKind(bytes([0xef, 0xbb, 0xbf], 'With a BOM')))?.label).toBe(
			'plain text'
		);
	});

	it('refuses text with NUL or other control characters, and invalid UTF-8', async () => {
		expect(await sniffFileKind(bytes('Hello\0world'))).toBeUndefined();
		expect(await sniffFileKind(bytes('Bell \x07'))).toBeUndefined();
		expect(await sniffFileKind(bytes('Escape \x1b[31m red'))).toBeUndefined();
		expect(await sniffFileKind(bytes('Caf', [0xe9]))).toBeUndefined();
		expect(await sniffFileKind(bytes([0xc3]))).toBeUndefined();
		expect(await sniffFileKind(bytes([0xed, 0xa0, 0x80]))).toBeUndefined();
	});

	it('refuses HTML, SVG and XML, which a browser could run', async () => {
		for (const markup of [
			'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
			'<!DOCTYPE html><p>Hi',
			'  \n<HTML><body>',
			'\ufeff<?xml version="1.0"?><svg/>',
			'<Script>alert(1)</script>'
		]) {
			expect(await sniffFileKind(utf8(markup)), markup).toBeUndefined();
		}
		expect((await sniffFileKind(utf8('Notes about <svg> files')))?.label).toBe('plain text');
	});

	it('refuses executables and empty files', async () => {
		expect(await sniffFileKind(samples.pe)).toBeUndefined();
		expect(await sniffFileKind(samples.elf)).toBeUndefined();
		expect(await sniffFileKind(new Uint8Array())).toBeUndefined();
		expect(await sniffFileKind(bytes([0xef, 0xbb, 0xbf]))).toBeUndefined();
	});

	it('reads bytes from a Buffer that shares a larger pool', async () => {
		const pooled = Buffer.from(docxNames.flatMap((n) => localEntry(n)));
		expect(pooled.byteOffset === 0 && pooled.buffer.byteLength === pooled.length).toBe(false);
		expect((await sniffFileKind(pooled))?.label).toBe('Word');
	});
});

describe('fileNameProblem', () => {
	it('accepts ordinary names, including accents, spaces and several dots', () => {
		for (const name of [
			'report.pdf',
			'Supervision notes 3.docx',
			'Café ☕.txt',
			'v1.2..final.pdf'
		]) {
			expect(fileNameProblem(name), name).toBeUndefined();
		}
		expect(fileNameProblem('a'.repeat(196) + '.pdf')).toBeUndefined();
	});

	it('refuses names that reach into folders', () => {
		expect(fileNameProblem('../../etc/passwd.txt')).toBe(
			'The file name “../../etc/passwd.txt” is not allowed: file names cannot contain folders (/ or \\) or “..”.'
		);
		for (const name of [
			'..\\..\\boot.ini',
			'C:\\Windows\\win.ini',
			'/etc/passwd',
			'a/b.txt',
			'..'
		]) {
			expect(fileNameProblem(name), name).toMatch(/cannot contain folders/);
		}
	});

	it('refuses hidden names, control characters and characters Windows reserves', () => {
		expect(fileNameProblem('.htaccess')).toBe(
			'The file name “.htaccess” is not allowed: file names cannot start with a full stop.'
		);
		expect(fileNameProblem('a\0.pdf')).toBe(
			'The file name “a\ufffd.pdf” is not allowed: file names cannot contain control characters.'
		);
		expect(fileNameProblem('line\nbreak.txt')).toMatch(/control characters/);
		expect(fileNameProblem('report\u202efdp.exe')).toMatch(/control characters/);
		for (const c of '<>:"|?*') {
			expect(fileNameProblem(`a${c}b.txt`), c).toBe(
				`The file name “a${c}b.txt” is not allowed: file names cannot contain < > : " | ? or *.`
			);
		}
	});

	it('refuses empty and overlong names', () => {
		expect(fileNameProblem('')).toBe('A file was sent without a name.');
		expect(fileNameProblem('   ')).toBe('A file was sent without a name.');
		const long = 'a'.repeat(197) + '.pdf';
		expect(fileNameProblem(long)).toBe(
			`The file name “${'a'.repeat(60)}…” is too long: file names must be 200 characters or fewer.`
		);
		// Counted in characters, so names in other scripts aren't penalised.
		expect(fileNameProblem('👍'.repeat(196) + '.txt')).toBeUndefined();
	});
});

describe('checkUpload', () => {
	it('returns the kind, the name unchanged and the size', async () => {
		expect(await checkUpload('Reflective log.pdf', samples.pdf)).toEqual({
			ok: true,
			kind: await sniffFileKind(samples.pdf),
			name: 'Reflective log.pdf',
			size: samples.pdf.length
		});
	});

	it('goes by the bytes, not the name', async () => {
		const result = await checkUpload('photo.txt', samples.png);
		expect(result.ok && result.kind.mime).toBe('image/png');
	});

	it('refuses a 30 MB file, naming it', async () => {
		expect(await checkUpload('big.pdf', Buffer.alloc(30 * 1024 * 1024))).toEqual({
			ok: false,
			message: '“big.pdf” is 30 MB: files must be 10 MB or smaller.'
		});
	});

	it('never makes a file just over the limit read as within it', async () => {
		const result = await checkUpload('edge.pdf', Buffer.alloc(maxFileBytes + 1));
		expect(result).toEqual({
			ok: false,
			message: '“edge.pdf” is 10.1 MB: files must be 10 MB or smaller.'
		});
		expect(
			(
				await checkUpload(
					'exact.pdf',
					Buffer.concat([samples.pdf, Buffer.alloc(maxFileBytes - samples.pdf.length)])
				)
			).ok
		).toBe(true);
	});

	it('refuses renamed executables, saying what they are', async () => {
		expect(await checkUpload('report.pdf', samples.pe)).toEqual({
			ok: false,
			message:
				'“report.pdf” is a Windows program, not a PDF as its name says. Programs cannot be attached.'
		});
		expect(await checkUpload('report.pdf', samples.elf)).toEqual({
			ok: false,
			message: '“report.pdf” is a program, not a PDF as its name says. Programs cannot be attached.'
		});
	});

	it('says what a refused file really is, never to save as a PDF what is already called one', async () => {
		const message = async (name: string, data: Uint8Array) => {
			const result = await checkUpload(name, data);
			return result.ok ? '' : result.message;
		};
		const page = await message(
			'report.pdf',
			utf8('<!DOCTYPE html><html><body>Report</body></html>')
		);
		expect(page).toMatch(/^“report\.pdf” is a web page \(HTML\), not a PDF as its name says\. /);
		expect(page).toContain('print it to PDF');
		expect(page).not.toContain('save it as a PDF');
		expect(await message('figures.docx', zip(xlsxNames))).toBe(
			'“figures.docx” is an Excel spreadsheet, not a Word document as its name says. Save it as a PDF, then attach that.'
		);
		expect(await message('slides.pdf', zip(pptxNames))).toMatch(
			/^“slides\.pdf” is a PowerPoint presentation, not a PDF/
		);
		expect(await message('letter.docx', zip(docmNames))).toMatch(
			/^“letter\.docx” is a Word document with macros, not a Word document as its name says\./
		);
		expect(await message('bundle.zip', zip(['notes.txt']))).toBe(
			'“bundle.zip” is a ZIP archive. Attach the files inside it one at a time.'
		);
		const heic = bytes(u32(0x18000000), 'ftypheic', [0, 0, 0, 0], 'mif1heic');
		expect(await message('IMG_0042.jpg', heic)).toMatch(
			/^“IMG_0042\.jpg” is a photo in HEIC format, not a JPEG image as its name says\. Save it as a JPEG/
		);
		expect(await message('visit.mp4', bytes(u32(0x18000000), 'ftypisom'))).toBe(
			'“visit.mp4” is a video. Videos cannot be attached.'
		);
		expect(await message('diagram.svg', utf8('<?xml version="1.0"?>\n<svg/>'))).toMatch(
			/^“diagram\.svg” is an SVG image\. /
		);
	});

	it('names other kinds by what file-type finds them to be', async () => {
		const message = async (name: string, data: Uint8Array) => {
			const result = await checkUpload(name, data);
			return result.ok ? '' : result.message;
		};
		const odt = localEntry(['mimetype', 'application/vnd.oasis.opendocument.text']);
		expect(await message('notes.docx', Uint8Array.from(odt))).toBe(
			'“notes.docx” is an OpenDocument text document, not a Word document as its name says. Save it as a Word document (.docx) or as a PDF, then attach that.'
		);
		expect(await message('scan.jpg', bytes('BM', u32(70), [0, 0, 0, 0], u32(54), u32(40)))).toBe(
			'“scan.jpg” is an image in BMP format, not a JPEG image as its name says. Save it as a JPEG or PNG, then attach that.'
		);
		expect(await message('backup.pdf', bytes('Rar!', [0x1a, 0x07, 0x00]))).toMatch(
			/^“backup\.pdf” is a RAR archive, not a PDF as its name says\. Archives cannot be attached\.$/
		);
	});

	it('takes an animated PNG as a PNG, and RTF or CSV as the plain text they are', async () => {
		// A PNG chunk: its length (big-endian), type, data and CRC (left as zero).
		const chunk = (type: string, data: number[]) => [
			...u32(data.length).reverse(),
			...bytes(type),
			...data,
			...u32(0)
		];
		const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
		const animated = bytes(png, chunk('IHDR', Array(13).fill(1)), chunk('acTL', Array(8).fill(0)));
		expect((await sniffFileKind(animated))?.label).toBe('PNG');
		expect((await sniffFileKind(utf8('{\\rtf1\\ansi Supervision notes}')))?.label).toBe(
			'plain text'
		);
		expect((await sniffFileKind(utf8('date,hours\n2026-11-23,2\n')))?.label).toBe('plain text');
	});

	it('says plainly when it cannot tell what a file is', async () => {
		const unknown = bytes([0x00, 0x01, 0x02, 0x03, 0xfe]);
		expect(await checkUpload('scan.png', unknown)).toEqual({
			ok: false,
			message:
				'“scan.png” is not a PNG image, whatever its name says, nor any other kind of file that can be attached.'
		});
		expect(await checkUpload('data.bin', unknown)).toEqual({
			ok: false,
			message: '“data.bin” is not a PDF, Word document, image or plain text file.'
		});
	});

	it('refuses path traversal before looking at the bytes', async () => {
		for (const name of ['../../etc/passwd.txt', '..\\..\\boot.ini']) {
			const result = await checkUpload(name, utf8('root:x:0:0'));
			expect(result.ok).toBe(false);
			expect(!result.ok && result.message).toContain(`“${name}”`);
			expect(!result.ok && result.message).toContain('cannot contain folders');
		}
	});

	it('refuses empty files and markup, naming them', async () => {
		expect(await checkUpload('notes.txt', new Uint8Array())).toEqual({
			ok: false,
			message: '“notes.txt” is empty.'
		});
		expect(await checkUpload('notes.txt', bytes([0xef, 0xbb, 0xbf]))).toEqual({
			ok: false,
			message: '“notes.txt” is empty.'
		});
		const svg = await checkUpload('diagram.txt', utf8('<svg onload="alert(1)"/>'));
		expect(!svg.ok && svg.message).toBe(
			'“diagram.txt” is an SVG image, not a plain text file as its name says. An SVG image can run code when opened in a browser: export it as a PNG or PDF, then attach that.'
		);
	});
});

describe('downloadName', () => {
	const mime = async (b: Uint8Array) => (await sniffFileKind(b))!.mime;

	it('keeps a name whose extension matches the bytes', async () => {
		expect(downloadName('Report.PDF', await mime(samples.pdf))).toBe('Report.PDF');
		expect(downloadName('photo.jpeg', await mime(samples.jpeg))).toBe('photo.jpeg');
		expect(downloadName('photo.jpg', await mime(samples.jpeg))).toBe('photo.jpg');
	});

	it('adds the right extension otherwise, so the file opens in a harmless program', async () => {
		expect(downloadName('run.bat', await mime(utf8('del *.*')))).toBe('run.bat.txt');
		expect(downloadName('setup.msi', await mime(samples.doc))).toBe('setup.msi.doc');
		expect(downloadName('notes', await mime(utf8('hello')))).toBe('notes.txt');
		expect(downloadName('.txt', await mime(utf8('hello')))).toBe('.txt.txt');
		expect(downloadName('tool.jar', await mime(zip(docxNames)))).toBe('tool.jar.docx');
		expect(downloadName('x.exe', 'application/x-unknown')).toBe('x.exe.bin');
	});
});
