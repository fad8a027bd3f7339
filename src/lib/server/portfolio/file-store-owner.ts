import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { timestamp } from '../db/time';
import { listStore } from './file-store';

// Bytes are deleted once this database no longer refers to them, so a store holding another
// database's files as well would lose them. A marker file in the store names the database
// whose store it is; a server that finds another database's name there refuses to start.

const markerName = '.golden-thread-store';

/** This database's id for its file store, made the first time it is asked for. */
async function storeId(db: Db): Promise<string> {
	await db
		.insertInto('file_store')
		.values({ name: 'files', id: newId(), created_at: timestamp() })
		.onConflict((oc) => oc.column('name').doNothing())
		.execute();
	const row = await db
		.selectFrom('file_store')
		.select('id')
		.where('name', '=', 'files')
		.executeTakeFirstOrThrow();
	return row.id;
}

async function readMarker(file: string): Promise<string | undefined> {
	try {
		return (await readFile(file, 'utf8')).trim();
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}

/** Writes the marker unless another server just did; returns what the marker says. */
async function writeMarker(file: string, id: string): Promise<string> {
	await mkdir(path.dirname(file), { recursive: true });
	try {
		const handle = await open(file, 'wx', 0o600);
		try {
			await handle.writeFile(`${id}\n`);
			await handle.sync();
		} finally {
			await handle.close();
		}
		return id;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		return (await readMarker(file)) ?? '';
	}
}

/** Whether any attachment, current or removed, names one of the stored files. */
async function namesAny(db: Db, dir: string): Promise<boolean> {
	const stored = (await listStore(dir)).flatMap((entry) => (entry.hash ? [entry.hash] : []));
	if (stored.length === 0) return true;
	const rows = await db.selectFrom('attachments').select('file_hash').distinct().execute();
	const named = new Set(rows.map((r) => r.file_hash));
	return stored.some((hash) => named.has(hash));
}

/**
 * Makes sure the store in `dir` is this database's before anything in it is deleted. A store
 * without a marker (new, or from before markers) becomes this database's when it is empty or
 * holds a file this database has named; otherwise, or when the marker names another database,
 * this throws, saying what to do.
 */
export async function claimStore(db: Db, dir: string): Promise<void> {
	const id = await storeId(db);
	const marker = path.join(dir, markerName);
	let owner = await readMarker(marker);
	if (owner === undefined) {
		if (!(await namesAny(db, dir)))
			throw new Error(
				`FILES_DIR (${dir}) holds files this database has never referred to, so they seem to be another database's. Give each database its own FILES_DIR; if they are this database's, write ${id} into ${marker}.`
			);
		owner = await writeMarker(marker, id);
	}
	if (owner !== id)
		throw new Error(
			`FILES_DIR (${dir}) is another database's file store: ${marker} does not name this database. Give each database its own FILES_DIR; if the files are this database's, delete ${marker}.`
		);
}
