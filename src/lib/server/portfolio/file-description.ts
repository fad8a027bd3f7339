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
const cannot = (things: string) => `${things} cannot be attached.`;
const text = (bytes: Uint8Array, length: number) =>
	new TextDecoder('utf-8').decode(bytes.subarray(0, length)).replace(/^\ufeff/, '');
const starts = (bytes: Uint8Array, signature: string, at = 0) =>
	text(bytes.subarray(at), signature.length) === signature;

/** Markup: what kind, and how to turn it into something that can be attached. */
function markup(bytes: Uint8Array): Found {
	const start = text(bytes, 1024).trimStart().toLowerCase();
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

/** ZIP archives that are not Word documents: spreadsheets, slides, macros, or plain archives. */
function zip(names: Set<string>): Found {
	const has = (prefix: string) => [...names].some((n) => n.startsWith(prefix));
	if (has('xl/')) return { what: 'an Excel spreadsheet', advice: asPdf };
	if (has('ppt/')) return { what: 'a PowerPoint presentation', advice: asPdf };
	if (has('word/'))
		return {
			what: 'a Word document with macros',
			advice: 'Save it as a Word document (.docx) without macros, or as a PDF.'
		};
	return { what: 'a ZIP archive', advice: 'Attach the files inside it one at a time.' };
}

/** What the bytes are, when they are something people commonly attach by mistake. */
export function whatTheBytesAre(
	bytes: Uint8Array,
	refused: 'markup' | 'unknown',
	zipNames?: Set<string>
): Found | undefined {
	if (refused === 'markup') return markup(bytes);
	if (zipNames) return zip(zipNames);
	if (starts(bytes, 'MZ')) return { what: 'a Windows program', advice: cannot('Programs') };
	if (starts(bytes, '\x7fELF')) return { what: 'a program', advice: cannot('Programs') };
	if (starts(bytes, 'Rar!')) return { what: 'a RAR archive', advice: cannot('Archives') };
	if (starts(bytes, 'ftyp', 4)) {
		const brand = text(bytes.subarray(8), 4).toLowerCase();
		if (['heic', 'heix', 'hevc', 'mif1', 'msf1'].includes(brand))
			return {
				what: 'a photo in HEIC format',
				advice:
					'Save it as a JPEG (on an iPhone, choose “Most Compatible” in Settings, Camera, Formats), then attach that.'
			};
		return { what: 'a video', advice: cannot('Videos') };
	}
	if (starts(bytes, 'ID3')) return { what: 'an audio recording', advice: cannot('Recordings') };
	return undefined;
}

/** Why the file is refused, saying what it is where that is known. */
export function refusalMessage(
	name: string,
	bytes: Uint8Array,
	refused: 'markup' | 'unknown',
	zipNames?: Set<string>
): string {
	const quoted = `“${name}”`;
	const claimed = claimedKind(name);
	const found = whatTheBytesAre(bytes, refused, zipNames);
	if (found)
		return `${quoted} is ${found.what}${claimed ? `, not ${claimed} as its name says` : ''}. ${found.advice}`;
	return claimed
		? `${quoted} is not ${claimed}, whatever its name says, nor any other kind of file that can be attached.`
		: `${quoted} is not a PDF, Word document, image or plain text file.`;
}
