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

export class FolderStore implements FileStore {
	readonly name: string;
	private readonly marker: string;

	constructor(private readonly dir: string) {
		this.name = dir;
		this.marker = path.join(dir, markerName);
	}

	private fileOf(hash: string) {
		return path.resolve(this.dir, hash.slice(0, 2), hash);
	}

	async size(hash: string) {
		try {
			return (await stat(this.fileOf(hash))).size;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
			throw error;
		}
	}

	async put(hash: string, bytes: Uint8Array) {
		const file = this.fileOf(hash);
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

	read(hash: string) {
		return readFile(this.fileOf(hash));
	}

	async open(hash: string) {
		const handle = await open(this.fileOf(hash), 'r');
		return handle.createReadStream();
	}

	async remove(hash: string) {
		const file = this.fileOf(hash);
		try {
			await unlink(file);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
			throw error;
		}
		await syncFolder(path.dirname(file));
	}

	list() {
		return listFolder(this.dir, hashPattern);
	}

	async removeTemporary(entry: StoreEntry) {
		const inside = path.dirname(path.dirname(entry.file)) === path.resolve(this.dir);
		if (entry.hash !== undefined || !inside || !temporaryPattern.test(path.basename(entry.file)))
			throw new Error('That is not a temporary file in the store.');
		await unlink(entry.file).catch(ignoreMissing);
	}

	async readMarker() {
		try {
			return (await readFile(this.marker, 'utf8')).trim();
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
			throw error;
		}
	}

	async writeMarker(id: string) {
		await mkdir(this.dir, { recursive: true });
		try {
			await writeNew(this.marker, `${id}\n`);
			return id;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			return (await this.readMarker()) ?? '';
		}
	}

	async check() {
		await access(this.dir, constants.R_OK | constants.W_OK);
	}
}
