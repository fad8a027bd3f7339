import type { Db } from '../db';
import { newId } from '../db/ids';
import { timestamp } from '../db/time';
import { openStore } from '../storage';
import { markerName } from '../storage/store';
import { listStore } from './file-store';

// Bytes are deleted once this database no longer refers to them, so a store holding another
// database's files as well would lose them. A marker file in the store names the database
// whose store it is; a server that finds another database's name there refuses to start.

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
	const store = openStore(dir);
	const marker = `${markerName} in ${store.name}`;
	let owner = await store.readMarker();
	if (owner === undefined) {
		if (!(await namesAny(db, dir)))
			throw new Error(
				`The file store (${store.name}) holds files this database has never referred to, so they seem to be another database's. Give each database its own store (FILES_STORE or FILES_DIR); if they are this database's, write ${id} into ${marker}.`
			);
		owner = await store.writeMarker(id);
	}
	if (owner !== id)
		throw new Error(
			`The file store (${store.name}) is another database's: ${marker} does not name this database. Give each database its own store (FILES_STORE or FILES_DIR); if the files are this database's, delete ${marker}.`
		);
}
