import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

const hashPattern = /^[0-9a-f]{64}$/;

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
