import { BucketStore } from './bucket-store';
import { FolderStore } from './folder-store';
import { parseStoreLocation } from './location.js';
import type { FileStore } from './store';

export type { FileStore, StoreEntry } from './store';

const stores = new Map<string, FileStore>();

/**
 * The store at an address: a folder's path (or `file:<path>`), or an `s3://` address (see
 * `location.js`). One per address, so a bucket's client and its connections are made once.
 */
export function openStore(where: string): FileStore {
	let store = stores.get(where);
	if (!store) {
		const location = parseStoreLocation(where);
		store =
			location.kind === 'folder'
				? new FolderStore(location.dir)
				: new BucketStore(location, where.replace(/\?.*$/, ''));
		stores.set(where, store);
	}
	return store;
}
