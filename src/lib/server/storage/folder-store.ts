import { randomBytes } from 'node:crypto';
import { access, constants, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { listFolder, temporaryPattern } from './folder-list';
import { hashPattern, markerName, type FileStore, type StoreEntry } from './store';

// A folder on this machine (or a shared file system). A write goes to a temporary file that is
// flushed and then renamed into place, so a crash leaves either the whole file or none.

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

/** Flushes a new folder and every folder `mkdir` made to hold it. */
async function syncMadeFolders(folder: string, created: string | undefined) {
	await syncFolder(folder);
	if (created === undefined) return;
	let made = folder;
	for (;;) {
		const parent = path.dirname(made);
		await syncFolder(parent);
		if (made === path.resolve(created) || parent === made) break;
		made = parent;
	}
}

const ignoreMissing = (error: NodeJS.ErrnoException) => {
	if (error.code !== 'ENOENT') throw error;
};

/** Writes a new file readable by this user only (evidence is personal data), flushed to disk. */
async function writeNew(file: string, bytes: Uint8Array | string) {
	const handle = await open(file, 'wx', 0o600);
	try {
		await handle.writeFile(bytes);
		await handle.sync();
	} finally {
		await handle.close();
	}
}

export function folderStore(dir: string): FileStore {
	const fileOf = (hash: string) => path.resolve(dir, hash.slice(0, 2), hash);
	const marker = path.join(dir, markerName);

	async function size(hash: string) {
		try {
			return (await stat(fileOf(hash))).size;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
			throw error;
		}
	}

	async function put(hash: string, bytes: Uint8Array) {
		const file = fileOf(hash);
		const folder = path.dirname(file);
		const created = await mkdir(folder, { recursive: true });
		const temporary = path.join(folder, `.${hash}.${randomBytes(8).toString('hex')}.tmp`);
		try {
			await writeNew(temporary, bytes);
			await rename(temporary, file);
		} catch (error) {
			await unlink(temporary).catch(() => {});
			throw error;
		}
		// Newly made folders are only durable once the folders holding them are flushed too.
		await syncMadeFolders(folder, created);
	}

	async function remove(hash: string) {
		const file = fileOf(hash);
		try {
			await unlink(file);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
			throw error;
		}
		await syncFolder(path.dirname(file));
	}

	async function readMarker() {
		try {
			return (await readFile(marker, 'utf8')).trim();
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
			throw error;
		}
	}

	async function writeMarker(id: string) {
		await mkdir(dir, { recursive: true });
		try {
			await writeNew(marker, `${id}\n`);
			return id;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			return (await readMarker()) ?? '';
		}
	}

	async function removeTemporary(entry: StoreEntry) {
		const inside = path.dirname(path.dirname(entry.file)) === path.resolve(dir);
		if (entry.hash !== undefined || !inside || !temporaryPattern.test(path.basename(entry.file)))
			throw new Error('That is not a temporary file in the store.');
		await unlink(entry.file).catch(ignoreMissing);
	}

	return {
		name: dir,
		put,
		size,
		read: (hash) => readFile(fileOf(hash)),
		async open(hash) {
			const handle = await open(fileOf(hash), 'r');
			return handle.createReadStream();
		},
		remove,
		list: () => listFolder(dir, hashPattern),
		removeTemporary,
		readMarker,
		writeMarker,
		async check() {
			await access(dir, constants.R_OK | constants.W_OK);
		}
	};
}
