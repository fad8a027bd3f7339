import { sql } from 'kysely';
import { isPostgres, type Db } from '../db';
import { deleteStoredFile, hasStoredFile, storeFile } from './file-store';

// The bytes of a stored file may be deleted once no attachment refers to them. Deleting
// happens only after the change that let go of them has committed, inside a transaction that
// holds the file's lock and finds no reference; a transaction that adds a reference holds the
// same lock and puts the bytes back if they went. So a committed attachment always has its
// bytes, whatever runs at the same time, on however many servers.

// The advisory-lock namespace for stored files ("GTfl"), so no other lock can collide with it.
export const fileLockSpace = 0x4754666c;

/**
 * Takes each file's lock for the rest of the transaction. On SQLite every transaction begins
 * IMMEDIATE, so it already holds the database's one write lock and nothing more is needed.
 */
export async function lockStoredFiles(tx: Db, hashes: string[]): Promise<void> {
	if (!tx.isTransaction) throw new Error('Stored files can only be locked in a transaction.');
	if (!isPostgres(tx)) return;
	// In a fixed order, so two transactions locking the same files cannot deadlock.
	for (const hash of [...new Set(hashes)].sort()) {
		const key = Number.parseInt(hash.slice(0, 8), 16) | 0;
		await sql`select pg_advisory_xact_lock(${fileLockSpace}::int4, ${key}::int4)`.execute(tx);
	}
}

/** In the transaction that refers to them: makes sure every file's bytes are (still) stored. */
export async function ensureStored(
	tx: Db,
	dir: string,
	files: { hash: string; bytes: Uint8Array }[]
): Promise<void> {
	await lockStoredFiles(
		tx,
		files.map((f) => f.hash)
	);
	for (const file of files) {
		if (!(await hasStoredFile(dir, file.hash, file.bytes.length))) await storeFile(dir, file.bytes);
	}
}

async function isReferenced(db: Db, hash: string): Promise<boolean> {
	const row = await db
		.selectFrom('attachments')
		.select('id')
		.where('file_hash', '=', hash)
		.where('removed_at', 'is', null)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

/** Every hash a current attachment refers to. */
export async function referencedHashes(db: Db): Promise<Set<string>> {
	const rows = await db
		.selectFrom('attachments')
		.select('file_hash')
		.distinct()
		.where('removed_at', 'is', null)
		.execute();
	return new Set(rows.map((r) => r.file_hash));
}

/**
 * Deletes the bytes of each file that no current attachment refers to; call it after the
 * change that let go of them has committed. Returns how many files went.
 */
export async function releaseStoredFiles(db: Db, dir: string, hashes: string[]): Promise<number> {
	if (db.isTransaction) throw new Error('Release stored files after the transaction commits.');
	let deleted = 0;
	for (const hash of new Set(hashes)) {
		await db.transaction().execute(async (tx) => {
			await lockStoredFiles(tx, [hash]);
			if (await isReferenced(tx, hash)) return;
			await deleteStoredFile(dir, hash);
			deleted += 1;
		});
	}
	return deleted;
}
