import type { Readable } from 'node:stream';

// The file store: bytes kept under the SHA-256 of their contents, in a folder on this machine
// or in an S3-compatible bucket. Both keep a file at `<first two hex digits>/<hash>` (under the
// bucket's prefix), so a store can be copied from one kind to the other as it is. Callers go
// through `portfolio/file-store.ts`, which hashes and checks hashes; these methods are given
// well-formed hashes only.

export interface StoreEntry {
	/** Where it is: a path in a folder, a key in a bucket. */
	file: string;
	/** The hash of a stored file; undefined for a temporary file a write left behind. */
	hash?: string;
	modified: Date;
}

export interface FileStore {
	/** What to call it in a message: its folder or its bucket's address. */
	readonly name: string;
	/** Writes the bytes under their hash, whole or not at all. */
	put(hash: string, bytes: Uint8Array): Promise<void>;
	/** The stored size, or undefined when there is nothing under the hash. */
	size(hash: string): Promise<number | undefined>;
	/** The bytes; an error with code ENOENT when there are none. */
	read(hash: string): Promise<Buffer>;
	/** The bytes as a stream, for a download; an error with code ENOENT when there are none. */
	open(hash: string): Promise<Readable>;
	/** Deletes the bytes, durably; nothing happens when they are already gone. */
	remove(hash: string): Promise<void>;
	/** Every stored file, and (in a folder) every temporary file a write left. */
	list(): Promise<StoreEntry[]>;
	/** Removes a temporary file a write left behind (a bucket has none). */
	removeTemporary(entry: StoreEntry): Promise<void>;
	/** The marker naming the database whose store it is, if there is one. */
	readMarker(): Promise<string | undefined>;
	/** Writes the marker unless there is one; returns what the marker says. */
	writeMarker(id: string): Promise<string>;
	/** Throws when the store cannot be reached (for /readyz). */
	check(): Promise<void>;
}

/** The error a missing file gives, the same from either kind of store. */
export function notStored(hash: string): NodeJS.ErrnoException {
	return Object.assign(new Error(`No file is stored under ${hash}`), { code: 'ENOENT' });
}

export const hashPattern = /^[0-9a-f]{64}$/;
export const markerName = '.golden-thread-store';
