import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { inMegabytes } from '$lib/portfolio/upload-limits';
import { FieldError } from '../errors';
import { maxFileBytes } from '../portfolio/file-type';

// Reading a portfolio's ZIP, which comes from outside: nothing in it is trusted. Its table of
// contents is read first and refused (with a message saying why) when it has too many entries,
// a name that points outside the ZIP's folder, or sizes over the limits once unpacked; then only
// the entries asked for are unpacked, each held to the size the ZIP declared for it, so a
// ZIP bomb stops at its first extra byte. Nothing here writes anything anywhere.

export interface ZipLimits {
	/** Entries in the ZIP, folders included. */
	entries: number;
	/** Everything in it, once unpacked. */
	totalBytes: number;
	/** `portfolio.json`, once unpacked. */
	jsonBytes: number;
	/** Each attached file: the store's limit. */
	fileBytes: number;
}

const megabyte = 1024 * 1024;

export const zipLimits: ZipLimits = {
	entries: 5000,
	totalBytes: 256 * megabyte,
	jsonBytes: 64 * megabyte,
	fileBytes: maxFileBytes
};

/** A refusal of the whole file, shown beside the file field. */
export const refuse = (message: string) =>
	new FieldError('file', `${message} Nothing was imported.`);

const shown = (name: string) => (name.length > 80 ? `${name.slice(0, 80)}…` : name);

/**
 * Why an entry's name is refused: it must be a relative path that stays inside the ZIP's folder,
 * with forward slashes only and no control characters.
 */
export function entryNameProblem(name: string): string | undefined {
	const outside = `The ZIP holds “${shown(name)}”, a path outside its folder.`;
	if (name.includes('\\')) return `${outside} Names with a backslash (\\) are not allowed.`;
	if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return outside;
	if (name.split('/').some((part) => part === '..' || part === '.')) return outside;
	// eslint-disable-next-line no-control-regex -- control characters are what is refused
	if (/[\u0000-\u001f\u007f]/.test(name))
		return `The ZIP holds a name with control characters in it.`;
	return undefined;
}

/** The ZIP's table of contents, or a refusal saying it is not a whole ZIP. */
async function openZip(bytes: Buffer): Promise<ZipFile> {
	try {
		return await yauzl.fromBufferPromise(bytes, {
			lazyEntries: true,
			decodeStrings: false,
			validateEntrySizes: true,
			strictFileNames: true
		});
	} catch {
		throw refuse(
			'The file is not a complete ZIP file: it may have been cut short while downloading, or it is another kind of file. Export the portfolio again and upload the whole ZIP.'
		);
	}
}

/** Every entry, with its name decoded, read from the table of contents alone. */
function listEntries(zip: ZipFile, limits: ZipLimits): Promise<Map<string, Entry>> {
	if (zip.entryCount > limits.entries)
		throw refuse(
			`The ZIP holds ${zip.entryCount.toLocaleString('en-GB')} files and folders: a portfolio can hold up to ${limits.entries.toLocaleString('en-GB')}.`
		);
	return new Promise((resolve, reject) => {
		const entries = new Map<string, Entry>();
		zip.on('entry', (entry: Entry) => {
			const raw = entry.fileNameRaw;
			const name = yauzl.getFileNameLowLevel(
				entry.generalPurposeBitFlag,
				raw,
				entry.extraFields,
				true
			);
			const problem = entryNameProblem(name);
			if (problem) return reject(refuse(problem));
			if (entries.has(name)) return reject(refuse(`The ZIP holds “${shown(name)}” twice.`));
			entries.set(name, entry);
			zip.readEntry();
		});
		zip.on('end', () => resolve(entries));
		zip.on('error', () =>
			reject(refuse('The ZIP file is damaged: its table of contents could not be read.'))
		);
		zip.readEntry();
	});
}

export interface OpenedZip {
	/** The entries by name, under the folder holding `portfolio.json`. */
	names: string[];
	/** Unpacks one entry, held to the size its header declares and to `limit`. */
	read(name: string, limit: number): Promise<Buffer>;
	close(): void;
}

/**
 * A ZIP, checked from its table of contents: entry names and sizes. A portfolio unpacked and
 * zipped again (by a computer's own "compress") holds everything in one folder; that folder is
 * read as the top, and the resource forks macOS adds (`__MACOSX/`) are left out.
 */
export async function openPortfolioZip(bytes: Buffer, limits = zipLimits): Promise<OpenedZip> {
	const zip = await openZip(bytes);
	try {
		const all = await listEntries(zip, limits);
		const entries = new Map([...all].filter(([name]) => !name.startsWith('__MACOSX/')));
		const prefix = entries.has('portfolio.json')
			? ''
			: ([...entries.keys()].find((n) => /^[^/]+\/portfolio\.json$/.test(n))?.slice(0, -14) ?? '');
		const outside = [...entries.keys()].find((name) => !name.startsWith(prefix));
		if (outside) throw refuse(`The ZIP holds “${shown(outside)}”, outside the portfolio’s folder.`);
		const total = [...entries.values()].reduce((sum, e) => sum + e.uncompressedSize, 0);
		if (total > limits.totalBytes)
			throw refuse(
				`The ZIP holds ${inMegabytes(total)} once unpacked: a portfolio can hold up to ${inMegabytes(limits.totalBytes)}.`
			);
		const inside = new Map([...entries].map(([name, entry]) => [name.slice(prefix.length), entry]));
		return {
			names: [...inside.keys()],
			read: (name, limit) => readEntry(zip, name, inside.get(name), limit),
			close: () => zip.close()
		};
	} catch (error) {
		zip.close();
		throw error;
	}
}

async function readEntry(zip: ZipFile, name: string, entry: Entry | undefined, limit: number) {
	if (!entry) throw refuse(`The ZIP has no ${shown(name)}.`);
	if (entry.uncompressedSize > limit)
		throw refuse(
			`“${shown(name)}” is ${inMegabytes(entry.uncompressedSize)} once unpacked: it can be up to ${inMegabytes(limit)}.`
		);
	if (entry.isEncrypted()) throw refuse(`“${shown(name)}” is encrypted: export it again.`);
	const chunks: Buffer[] = [];
	try {
		// yauzl ends the stream with an error at the first byte past the declared size.
		for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
	} catch {
		throw refuse(`The ZIP file is damaged: “${shown(name)}” could not be unpacked.`);
	}
	return Buffer.concat(chunks);
}
