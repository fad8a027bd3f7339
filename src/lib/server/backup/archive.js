// What a backup archive holds, and where the backup commands find the data: the database at
// DATABASE_URL (SQLite only) and the file store in a folder (FILES_STORE or FILES_DIR), as the
// server finds them. Shared by backup.js and restore.js.
import { signoffKeyFile } from '../signoff/key.js';
import { fileStoreSetting, parseStoreLocation } from '../storage/location.js';

/** The names of what an archive holds, in the order it holds them. */
export const entryNames = {
	manifest: 'golden-thread-backup.json',
	database: 'database.db',
	key: 'signoff-key',
	/** The file store's marker, which names the database whose store it is. */
	marker: 'files/.golden-thread-store',
	markerFile: '.golden-thread-store'
};
export const storedFilePattern = /^files\/([0-9a-f]{2})\/(\1[0-9a-f]{62})$/;

/** Why a command cannot run; the message says what to do instead. Exit status 2. */
export class CannotError extends Error {}

const elsewhere =
	'For PostgreSQL and a bucket, use pg_dump and the bucket’s versioning: see docs/deploying.md#backups';

/**
 * The SQLite file, its sign-off key file and the files folder the environment names.
 * @param {Record<string, string | undefined>} env
 */
export function dataPlaces(env = process.env) {
	const url = env.DATABASE_URL || 'file:./data/golden-thread.db';
	if (!url.startsWith('file:'))
		throw new CannotError(
			`The backup commands are for a SQLite database (DATABASE_URL=file:…). ${elsewhere}`
		);
	const location = parseStoreLocation(fileStoreSetting(env), env);
	if (location.kind !== 'folder')
		throw new CannotError(
			`The backup commands are for files in a folder, not a bucket. ${elsewhere}`
		);
	return {
		database: url.slice('file:'.length),
		keyFile: /** @type {string} */ (signoffKeyFile(url)),
		files: location.dir
	};
}

/**
 * Runs a command's `main`, printing a CannotError's message and exiting 2 (1 for wrong
 * arguments); anything else is a fault, printed whole.
 * @param {() => Promise<void>} main
 */
export async function runCommand(main) {
	try {
		await main();
	} catch (error) {
		if (error instanceof UsageError) {
			console.error(error.message);
			process.exitCode = 1;
		} else if (error instanceof CannotError) {
			console.error(error.message);
			process.exitCode = 2;
		} else throw error;
	}
}

/** Wrong arguments. Exit status 1. */
export class UsageError extends Error {}

/**
 * The one argument, the archive's path.
 * @param {string[]} argv
 * @param {string} usage
 */
export function archiveArgument(argv, usage) {
	if (argv.length !== 1 || argv[0].startsWith('-')) throw new UsageError(usage);
	return argv[0];
}
