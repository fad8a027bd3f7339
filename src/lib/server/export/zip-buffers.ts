import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';

// ZIPs made and read whole in memory, for tests (unit and browser): never for what users send,
// which import-zip.ts reads within its limits.

export async function bufferOf(stream: Readable): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** A ZIP of these entries, in this order, as yazl writes it. */
export function zipOf(entries: [string, Buffer | string][]): Promise<Buffer> {
	const zip = new yazl.ZipFile();
	for (const [name, bytes] of entries) zip.addBuffer(Buffer.from(bytes), name);
	zip.end();
	return bufferOf(zip.outputStream as Readable);
}

/** Every entry of a ZIP, unpacked, by name. */
export async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
	const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
	const entries = new Map<string, Buffer>();
	for (;;) {
		const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
			zip
				.once('entry', resolve)
				.once('end', () => resolve(undefined))
				.once('error', reject);
			zip.readEntry();
		});
		if (!entry) return entries;
		entries.set(entry.fileName, await bufferOf(await zip.openReadStreamPromise(entry)));
	}
}
