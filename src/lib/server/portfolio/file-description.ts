import type { FileTypeResult } from 'file-type';

// What a refused file really is, in words, so that the refusal says what the bytes are instead
// of repeating what the name claims: "“report.pdf” is a web page (HTML), not a PDF as its name
// says", never "save it as a PDF" to someone whose file is already called .pdf.

const claimedKinds: Record<string, string> = {
	pdf: 'a PDF',
	doc: 'a Word document',
	docx: 'a Word document',
	jpg: 'a JPEG image',
	jpeg: 'a JPEG image',
	png: 'a PNG image',
	gif: 'a GIF image',
	webp: 'a WebP image',
	txt: 'a plain text file'
};

/** What the file's name says it is, when it names a kind that may be attached. */
export function claimedKind(name: string): string | undefined {
	const dot = name.lastIndexOf('.');
	const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
	return Object.hasOwn(claimedKinds, extension) ? claimedKinds[extension] : undefined;
}

interface Found {
	what: string;
	advice: string;
}

const asPdf = 'Save it as a PDF, then attach that.';
const asDocx = 'Save it as a Word document (.docx) or as a PDF, then attach that.';
const cannot = (things: string) => `${things} cannot be attached.`;
const excel: Found = { what: 'an Excel spreadsheet', advice: asPdf };
const powerPoint: Found = { what: 'a PowerPoint presentation', advice: asPdf };
const macros: Found = {
	what: 'a Word document with macros',
	advice: 'Save it as a Word document (.docx) without macros, or as a PDF.'
};
const program: Found = { what: 'a program', advice: cannot('Programs') };

/** Files people commonly attach by mistake, by what `file-type` calls them. */
const described: Record<string, Found> = {
	xlsx: excel,
	xlsm: excel,
	xltx: excel,
	xltm: excel,
	pptx: powerPoint,
	pptm: powerPoint,
	ppsx: powerPoint,
	ppsm: powerPoint,
	potx: powerPoint,
	potm: powerPoint,
	docm: macros,
	dotm: macros,
	dotx: { what: 'a Word template', advice: asDocx },
	odt: { what: 'an OpenDocument text document', advice: asDocx },
	ods: { what: 'an OpenDocument spreadsheet', advice: asPdf },
	odp: { what: 'an OpenDocument presentation', advice: asPdf },
	zip: { what: 'a ZIP archive', advice: 'Attach the files inside it one at a time.' },
	rar: { what: 'a RAR archive', advice: cannot('Archives') },
	'7z': { what: 'a 7-Zip archive', advice: cannot('Archives') },
	exe: { what: 'a Windows program', advice: cannot('Programs') },
	elf: program,
	macho: program,
	heic: {
		what: 'a photo in HEIC format',
		advice:
			'Save it as a JPEG (on an iPhone, choose “Most Compatible” in Settings, Camera, Formats), then attach that.'
	}
};

/** Markup: what kind, and how to turn it into something that can be attached. */
function markup(bytes: Uint8Array): Found {
	const start = new TextDecoder('utf-8')
		.decode(bytes.subarray(0, 1024))
		.replace(/^\ufeff/, '')
		.trimStart()
		.toLowerCase();
	if (start.includes('<svg'))
		return {
			what: 'an SVG image',
			advice:
				'An SVG image can run code when opened in a browser: export it as a PNG or PDF, then attach that.'
		};
	if (start.startsWith('<!doctype html') || start.startsWith('<html'))
		return {
			what: 'a web page (HTML)',
			advice:
				'A web page can run code when opened in a browser: open it in one and print it to PDF, then attach that.'
		};
	return {
		what: 'markup (XML or a script)',
		advice:
			'Markup can run code when opened in a browser: save what it says as a PDF or plain text file, then attach that.'
	};
}

/** What the bytes are, when they are something people commonly attach by mistake. */
export function whatTheBytesAre(
	bytes: Uint8Array,
	refused: 'markup' | 'unknown',
	found?: FileTypeResult
): Found | undefined {
	if (refused === 'markup') return markup(bytes);
	if (!found) return undefined;
	if (Object.hasOwn(described, found.ext)) return described[found.ext];
	if (found.mime.startsWith('video/')) return { what: 'a video', advice: cannot('Videos') };
	if (found.mime.startsWith('audio/'))
		return { what: 'an audio recording', advice: cannot('Recordings') };
	if (found.mime.startsWith('image/'))
		return {
			what: `an image in ${found.ext.toUpperCase()} format`,
			advice: 'Save it as a JPEG or PNG, then attach that.'
		};
	return undefined;
}

/** Why the file is refused, saying what it is where that is known. */
export function refusalMessage(
	name: string,
	bytes: Uint8Array,
	refused: 'markup' | 'unknown',
	detected?: FileTypeResult
): string {
	const quoted = `“${name}”`;
	const claimed = claimedKind(name);
	const found = whatTheBytesAre(bytes, refused, detected);
	if (found)
		return `${quoted} is ${found.what}${claimed ? `, not ${claimed} as its name says` : ''}. ${found.advice}`;
	return claimed
		? `${quoted} is not ${claimed}, whatever its name says, nor any other kind of file that can be attached.`
		: `${quoted} is not a PDF, Word document, image or plain text file.`;
}
