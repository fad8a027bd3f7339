// Where the file store is, read from FILES_STORE or FILES_DIR. Plain JavaScript, so that the
// server and `npm run backup` / `npm run restore` (which run without a build) read it alike.

/**
 * @typedef {{ kind: 'folder', dir: string }} FolderLocation
 * @typedef {{ kind: 'bucket', bucket: string, prefix: string, endpoint: string | undefined, region: string }} BucketLocation
 * @typedef {FolderLocation | BucketLocation} StoreLocation
 */

export const defaultFilesDir = './data/files';

/**
 * The file store the app uses: FILES_STORE (`file:<folder>` or `s3://<bucket>…`), or the folder
 * FILES_DIR, or `./data/files`. A folder is given as its path, a bucket as its `s3://` address.
 * @param {Record<string, string | undefined>} env
 */
export function fileStoreSetting(env = process.env) {
	const store = env.FILES_STORE?.trim();
	const dir = env.FILES_DIR;
	if (!store) return dir || defaultFilesDir;
	if (dir)
		throw new Error(
			'FILES_STORE and FILES_DIR are both set: set one of them (FILES_STORE=file:<folder> is FILES_DIR=<folder>)'
		);
	if (store.startsWith('file:')) return store.slice('file:'.length) || defaultFilesDir;
	if (store.startsWith('s3://')) return store;
	throw new Error(
		`FILES_STORE must start with "file:" (a folder) or "s3://" (a bucket); it is "${store}"`
	);
}

/**
 * Reads a store's address: a folder's path (or `file:<path>`), or
 * `s3://<bucket>[/<prefix>]?endpoint=<url>&region=<region>`. Credentials come from the
 * environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), never the address, which is printed.
 * @param {string} where
 * @param {Record<string, string | undefined>} env
 * @returns {StoreLocation}
 */
export function parseStoreLocation(where, env = process.env) {
	if (where.startsWith('file:')) return { kind: 'folder', dir: where.slice('file:'.length) };
	if (!where.startsWith('s3://')) return { kind: 'folder', dir: where };
	let url;
	try {
		url = new URL(where);
	} catch {
		throw new Error(`FILES_STORE is not a valid s3:// address: "${where}"`);
	}
	if (url.username || url.password)
		throw new Error(
			'FILES_STORE must not hold credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY instead'
		);
	const bucket = url.hostname;
	if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
		throw new Error(`FILES_STORE names no valid bucket: "${where}" (s3://<bucket>?region=…)`);
	const endpoint = url.searchParams.get('endpoint') || undefined;
	if (endpoint && !/^https?:\/\//.test(endpoint))
		throw new Error(`FILES_STORE's endpoint must be an http:// or https:// address: "${endpoint}"`);
	const path = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, '');
	return {
		kind: 'bucket',
		bucket,
		prefix: path ? `${path}/` : '',
		endpoint,
		region: url.searchParams.get('region') || env.AWS_REGION || 'us-east-1'
	};
}
