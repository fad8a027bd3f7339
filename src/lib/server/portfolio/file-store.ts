import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { openStore, type StoreEntry } from '../storage';
import { parseStoreLocation } from '../storage/location.js';
import { hashPattern } from '../storage/store';

export type { StoreEntry } from '../storage';

// Files are kept under the SHA-256 of their bytes, in the store at `where`: a folder's path, or
// an `s3://` bucket's address (`filesDir()` gives the app's). The hash is the only thing that
// ever becomes part of a path or a key, so it must be exactly a hash.

function checked(hash: string): string {
	if (typeof hash !== 'string' || !hashPattern.test(hash)) {
		throw new Error('That is not the hash of a stored file.');
	}
	return hash;
}

/** Stores bytes named by their SHA-256 (hex), atomically: a crash leaves either the whole file or none. Returns the hash. Storing the same bytes twice is a no-op. */
export async function storeFile(where: string, bytes: Uint8Array): Promise<string> {
	const hash = createHash('sha256').update(bytes).digest('hex');
	const store = openStore(where);
	// A file of the wrong size can only have been put there by hand; replace it.
	if ((await store.size(hash)) !== bytes.length) await store.put(hash, bytes);
	return hash;
}

/** The bytes stored under a hash; throws when the hash is malformed (not 64 lowercase hex characters) or missing (code ENOENT). */
export async function readStoredFile(where: string, hash: string): Promise<Buffer> {
	return openStore(where).read(checked(hash));
}

/** The bytes stored under a hash as a stream, for a download; throws as `readStoredFile` does. */
export async function openStoredFile(where: string, hash: string): Promise<Readable> {
	return openStore(where).open(checked(hash));
}

/** The path of a file in a folder store; throws on a malformed hash, or for a bucket. */
export function storedFilePath(where: string, hash: string): string {
	const location = parseStoreLocation(where);
	if (location.kind !== 'folder') throw new Error('Files in a bucket have no path: open them.');
	return path.resolve(location.dir, checked(hash).slice(0, 2), hash);
}

/** Deletes the bytes stored under a hash, durably; nothing happens when they are already gone. */
export async function deleteStoredFile(where: string, hash: string): Promise<void> {
	await openStore(where).remove(checked(hash));
}

/** Whether the bytes for a hash are in the store, whole (the size is known from the attachment). */
export async function hasStoredFile(where: string, hash: string, size: number): Promise<boolean> {
	return (await openStore(where).size(checked(hash))) === size;
}

/** Every stored file in the store, and every temporary file a write left in a folder. */
export async function listStore(where: string): Promise<StoreEntry[]> {
	return openStore(where).list();
}

/** Removes a temporary file left behind by a write that never finished. */
export async function deleteTemporaryFile(entry: StoreEntry, where?: string): Promise<void> {
	// Only a folder has temporary files, and the entry carries the folder's path.
	await openStore(where ?? path.dirname(path.dirname(entry.file))).removeTemporary(entry);
}
