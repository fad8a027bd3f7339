import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { StoreEntry } from './store';

export const temporaryPattern = /^\.[0-9a-f]{64}\.[0-9a-f]{16}\.tmp$/;

/** Every stored and temporary file in the folder; anything else found there is left out. */
export async function listFolder(dir: string, hashPattern: RegExp): Promise<StoreEntry[]> {
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
