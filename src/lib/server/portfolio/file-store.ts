import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

const hashPattern = /^[0-9a-f]{64}$/;
const temporaryPattern = /^\.[0-9a-f]{64}\.[0-9a-f]{16}\.tmp$/;

function finalPath(dir: string, hash: string): string {
	// The hash is the only thing that ever becomes part of a path, so it must be exactly a hash.
	if (typeof hash !== 'string' || !hashPattern.test(hash)) {
		throw new Error('That is not the hash of a stored file.');
	}
	return path.resolve(dir, hash.slice(0, 2), hash);
}

/** Flushes a folder's entries (a new name, a renamed file) to disk. */
async function syncFolder(folder: string): Promise<void> {
	let handle;
	try {
		handle = await open(folder, 'r');
		await handle.sync();
	} catch (error) {
		// Some platforms (Windows, some network file systems) can't open or flush a folder.
		const code = (error as NodeJS.ErrnoException).code;
		if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') {
			throw error;
		}
	} finally {
		await handle?.close();
	}
}

async function sizeOf(file: string): Promise<number | undefined> {
	try {
		return (await stat(file)).size;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}

/** Stores bytes under `dir`, named by their SHA-256 (hex), atomically: a crash leaves either the whole file or none. Returns the hash. Storing the same bytes twice is a no-op. */
export async function storeFile(dir: string, bytes: Uint8Array): Promise<string> {
	const hash = createHash('sha256').update(bytes).digest('hex');
	const file = finalPath(dir, hash);
	// A file of the wrong size can only have been put there by hand; replace it.
	if ((await sizeOf(file)) === bytes.length) return hash;

	const folder = path.dirname(file);
	const created = await mkdir(folder, { recursive: true });
	const temporary = path.join(folder, `.${hash}.${randomBytes(8).toString('hex')}.tmp`);
	try {
		// Evidence is personal data, and only the app needs to read it.
		const handle = await open(temporary, 'wx', 0o600);
		try {
			await handle.writeFile(bytes);
			await handle.sync();
		} finally {
			await handle.close();
		}
		await rename(temporary, file);
	} catch (error) {
		await unlink(temporary).catch(() => {});
		throw error;
	}

	await syncFolder(folder);
	// Newly made folders are only durable once the folders holding them are flushed too.
	if (created !== undefined) {
		let made = folder;
		for (;;) {
			const parent = path.dirname(made);
			await syncFolder(parent);
			if (made === path.resolve(created) || parent === made) break;
			made = parent;
		}
	}
	return hash;
}

/** The bytes stored under a hash; throws when the hash is malformed (not 64 lowercase hex characters) or missing. */
export async function readStoredFile(dir: string, hash: string): Promise<Buffer> {
	return readFile(finalPath(dir, hash));
}

/** The path of a stored file (for streaming); throws on a malformed hash. */
export function storedFilePath(dir: string, hash: string): string {
	return finalPath(dir, hash);
}

/** Deletes the bytes stored under a hash, durably; nothing happens when they are already gone. */
export async function deleteStoredFile(dir: string, hash: string): Promise<void> {
	const file = finalPath(dir, hash);
	try {
		await unlink(file);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
		throw error;
	}
	await syncFolder(path.dirname(file));
}

/** Whether the bytes for a hash are in the store, whole (the size is known from the attachment). */
export async function hasStoredFile(dir: string, hash: string, size: number): Promise<boolean> {
	return (await sizeOf(finalPath(dir, hash))) === size;
}

export interface StoreEntry {
	/** Where it is. */
	file: string;
	/** The hash of a stored file; undefined for a temporary file a write left behind. */
	hash?: string;
	modified: Date;
}

/** Every stored and temporary file in the store; anything else found there is left out. */
export async function listStore(dir: string): Promise<StoreEntry[]> {
	const entries: StoreEntry[] = [];
	for (const folder of await namesIn(dir)) {
		if (!/^[0-9a-f]{2}$/.test(folder)) continue;
		for (const name of await namesIn(path.join(dir, folder))) {
			const stored = hashPattern.test(name) && name.startsWith(folder);
			if (!stored && !temporaryPattern.test(name)) continue;
			const file = path.resolve(dir, folder, name);
			const modified = await modifiedAt(file);
			if (modified) entries.push({ file, hash: stored ? name : undefined, modified });
		}
	}
	return entries;
}

async function namesIn(folder: string): Promise<string[]> {
	try {
		return await readdir(folder);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return [];
		throw error;
	}
}

async function modifiedAt(file: string): Promise<Date | undefined> {
	try {
		return (await stat(file)).mtime;
	} catch (error) {
		// Another server may have finished or removed it since the folder was read.
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}

/** Removes a temporary file left behind by a write that never finished. */
export async function deleteTemporaryFile(entry: StoreEntry): Promise<void> {
	if (entry.hash !== undefined || !temporaryPattern.test(path.basename(entry.file))) {
		throw new Error('That is not a temporary file in the store.');
	}
	await unlink(entry.file).catch((error: NodeJS.ErrnoException) => {
		if (error.code !== 'ENOENT') throw error;
	});
}
