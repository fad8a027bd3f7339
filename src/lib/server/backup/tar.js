// A tar archive (POSIX ustar), written and read as streams: what `npm run backup` puts the
// database and the file store in. Plain JavaScript with no packages, so the backup commands run
// from an installed app as they are. Only what the backup needs: regular files, names of up to
// 100 characters, and sizes past 8 GiB in the base-256 form GNU tar and bsdtar read.

const block = 512;
const zeros = Buffer.alloc(block * 2);

/**
 * @typedef {{ name: string, size: number, mode?: number, mtime?: Date, body: AsyncIterable<Uint8Array> | Iterable<Uint8Array> }} TarEntry
 * @typedef {{ name: string, size: number, mode: number }} TarHeader
 */

/** @param {Buffer} header @param {number} offset @param {number} length @param {number} value */
function writeNumber(header, offset, length, value) {
	const octal = value.toString(8);
	if (octal.length < length) {
		header.write(`${octal.padStart(length - 1, '0')}\0`, offset, length, 'ascii');
		return;
	}
	// Too large for octal: base-256, big-endian, with the top bit of the first byte set.
	let rest = BigInt(value);
	for (let i = offset + length - 1; i > offset; i--) {
		header[i] = Number(rest & 0xffn);
		rest >>= 8n;
	}
	header[offset] = 0x80;
}

/** @param {Buffer} header @param {number} offset @param {number} length */
function readNumber(header, offset, length) {
	if (header[offset] & 0x80) {
		let value = 0n;
		for (let i = offset + 1; i < offset + length; i++) value = (value << 8n) | BigInt(header[i]);
		return Number(value);
	}
	const text = header.toString('ascii', offset, offset + length).replace(/[\0 ]+$/, '');
	return text ? Number.parseInt(text, 8) : 0;
}

/** @param {Buffer} header */
const checksumOf = (header) => {
	let sum = 0;
	for (let i = 0; i < block; i++) sum += i >= 148 && i < 156 ? 32 : header[i];
	return sum;
};

/** @param {TarEntry} entry */
function headerOf(entry) {
	if (Buffer.byteLength(entry.name) > 100)
		throw new Error(`A name too long for tar: ${entry.name}`);
	const header = Buffer.alloc(block);
	header.write(entry.name, 0, 100, 'utf8');
	writeNumber(header, 100, 8, entry.mode ?? 0o600);
	writeNumber(header, 108, 8, 0);
	writeNumber(header, 116, 8, 0);
	writeNumber(header, 124, 12, entry.size);
	writeNumber(header, 136, 12, Math.floor((entry.mtime ?? new Date()).getTime() / 1000));
	header.write('0', 156, 1, 'ascii');
	header.write('ustar\0', 257, 6, 'ascii');
	header.write('00', 263, 2, 'ascii');
	header.write(`${checksumOf(header).toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
	return header;
}

/**
 * The archive of the entries, as chunks: each entry's header, its bytes and their padding, then
 * the two empty blocks that end an archive. An entry whose bytes are not `size` long throws.
 * @param {AsyncIterable<TarEntry> | Iterable<TarEntry>} entries
 * @returns {AsyncGenerator<Uint8Array>}
 */
export async function* tarChunks(entries) {
	for await (const entry of entries) {
		yield headerOf(entry);
		let written = 0;
		for await (const chunk of entry.body) {
			written += chunk.length;
			if (written > entry.size) break;
			yield chunk;
		}
		if (written !== entry.size)
			throw new Error(
				`${entry.name} changed while it was archived (${written} of ${entry.size} bytes)`
			);
		if (entry.size % block) yield zeros.subarray(0, block - (entry.size % block));
	}
	yield zeros;
}

/**
 * Reads an archive, calling `onEntry` for each file with its header; the sink it returns is
 * given the file's bytes in order, then ended. Stops at the archive's end; throws on a damaged
 * header or an archive cut short.
 * @param {AsyncIterable<Buffer>} source
 * @param {(header: TarHeader) => Promise<{ write(chunk: Buffer): Promise<void>, end(): Promise<void> }>} onEntry
 */
export async function readTar(source, onEntry) {
	/** @type {Buffer} */
	let pending = Buffer.alloc(0);
	/** @type {{ write(chunk: Buffer): Promise<void>, end(): Promise<void> } | undefined} */
	let sink;
	let remaining = 0;
	let padding = 0;
	for await (const chunk of source) {
		pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
		for (;;) {
			if (sink) {
				const part = pending.subarray(0, Math.min(remaining, pending.length));
				pending = pending.subarray(part.length);
				remaining -= part.length;
				if (part.length) await sink.write(part);
				if (remaining > 0) break;
				await sink.end();
				sink = undefined;
			}
			if (padding) {
				const skipped = Math.min(padding, pending.length);
				pending = pending.subarray(skipped);
				padding -= skipped;
				if (padding) break;
			}
			if (pending.length < block) break;
			const header = pending.subarray(0, block);
			pending = pending.subarray(block);
			if (header.every((byte) => byte === 0)) return;
			if (readNumber(header, 148, 8) !== checksumOf(header))
				throw new Error('The archive is damaged: a header does not match its checksum');
			const name = header.toString('utf8', 0, 100).replace(/\0.*$/s, '');
			const size = readNumber(header, 124, 12);
			const type = String.fromCharCode(header[156] || 48);
			if (type !== '0') throw new Error(`The archive holds something other than files: ${name}`);
			sink = await onEntry({ name, size, mode: readNumber(header, 100, 8) });
			remaining = size;
			padding = size % block ? block - (size % block) : 0;
			if (size === 0) {
				await sink.end();
				sink = undefined;
			}
		}
	}
	throw new Error('The archive is cut short: it does not end as an archive ends');
}
