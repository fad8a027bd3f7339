// `npm run restore -- <file>`: brings back a backup `npm run backup` made, into an empty data
// folder: the database at DATABASE_URL and the files in FILES_STORE/FILES_DIR's folder, as the
// server will find them. It refuses to write over anything. Each file is checked against its
// name (its SHA-256) and the database against SQLite's integrity check, and every file the
// database refers to must be there; on any failure nothing restored is left behind. Exit status
// 0 when done, 1 for wrong arguments, 2 when it cannot.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import SQLite from 'better-sqlite3';
import {
	CannotError,
	archiveArgument,
	dataPlaces,
	entryNames,
	runCommand,
	storedFilePattern
} from './archive.js';
import { readTar } from './tar.js';

const usage = 'Usage: npm run restore -- <file>   (a backup made by npm run backup)';

/** @param {string} folder */
const isEmptyFolder = (folder) => !existsSync(folder) || readdirSync(folder).length === 0;

/** @param {ReturnType<typeof dataPlaces>} places */
function refuseUnlessEmpty(places) {
	const taken = [
		places.database,
		`${places.database}-wal`,
		`${places.database}.restoring`,
		places.keyFile
	].filter((path) => existsSync(path));
	if (!isEmptyFolder(places.files)) taken.push(places.files);
	if (taken.length)
		throw new CannotError(
			`Nothing restored: ${taken.join(', ')} ${taken.length === 1 ? 'is' : 'are'} there already. Restore into an empty data folder: move the old data aside, or set DATABASE_URL and FILES_DIR (or FILES_STORE) to new places.`
		);
}

/**
 * Where an archived name goes, or undefined for one it does not know.
 * @param {string} name @param {ReturnType<typeof dataPlaces>} places @param {string} database
 */
function destinationOf(name, places, database) {
	if (name === entryNames.database) return database;
	if (name === entryNames.key) return process.env.SIGNOFF_KEY ? undefined : places.keyFile;
	if (name === entryNames.marker) return join(places.files, entryNames.markerFile);
	const stored = storedFilePattern.exec(name);
	return stored ? join(places.files, stored[1], stored[2]) : undefined;
}

/**
 * A sink that writes a new file (readable by this user only) and checks a stored file's hash.
 * @param {string} path @param {string | undefined} hash
 */
async function newFile(path, hash) {
	await mkdir(dirname(path), { recursive: true, mode: 0o700 });
	const handle = await open(path, 'wx', 0o600);
	const digest = createHash('sha256');
	return {
		/** @param {Buffer} chunk */
		async write(chunk) {
			digest.update(chunk);
			await handle.write(chunk);
		},
		async end() {
			await handle.sync();
			await handle.close();
			if (hash && digest.digest('hex') !== hash)
				throw new CannotError(`The archive is damaged: the file ${hash} does not match its name`);
		}
	};
}

/**
 * Writes the archive's contents to their places; returns what it found.
 * @param {string} archive @param {ReturnType<typeof dataPlaces>} places @param {string} database
 */
async function unpack(archive, places, database) {
	const found = { manifest: false, database: false, hashes: new Set() };
	const ignore = { write: async () => {}, end: async () => {} };
	await readTar(createReadStream(archive).pipe(createGunzip()), async ({ name }) => {
		if (name === entryNames.manifest) {
			found.manifest = true;
			return ignore;
		}
		const path = destinationOf(name, places, database);
		if (!path) return ignore;
		if (name === entryNames.database) found.database = true;
		const hash = storedFilePattern.exec(name)?.[2];
		if (hash) found.hashes.add(hash);
		return newFile(path, hash);
	});
	return found;
}

/**
 * The database restored is whole, and every file it refers to came with it.
 * @param {string} database @param {Set<string>} hashes
 */
function check(database, hashes) {
	const db = new SQLite(database);
	try {
		if (db.pragma('integrity_check', { simple: true }) !== 'ok')
			throw new CannotError('The archive is damaged: its database fails SQLite’s integrity check');
		const rows = /** @type {{ file_hash: string }[]} */ (
			db.prepare('select distinct file_hash from attachments where removed_at is null').all()
		);
		const missing = rows.filter((row) => !hashes.has(row.file_hash));
		if (missing.length)
			throw new CannotError(
				`The archive is incomplete: ${missing.length} files its records refer to are not in it`
			);
	} finally {
		db.close();
	}
}

async function main() {
	const archive = archiveArgument(process.argv.slice(2), usage);
	if (!existsSync(archive)) throw new CannotError(`There is no backup at ${archive}`);
	const places = dataPlaces();
	refuseUnlessEmpty(places);
	const hadFiles = existsSync(places.files);
	const database = `${places.database}.restoring`;
	let restored = false;
	try {
		await mkdir(dirname(places.database), { recursive: true });
		const found = await unpack(archive, places, database).catch((error) => {
			if (error instanceof CannotError) throw error;
			throw new CannotError(`The archive cannot be read: ${error.message}`);
		});
		if (!found.manifest || !found.database)
			throw new CannotError(`${archive} is not a backup made by npm run backup`);
		check(database, found.hashes);
		await rename(database, places.database);
		restored = true;
		console.log(
			`Restored ${places.database} and ${found.hashes.size} stored files into ${places.files}. Start the server, then check the sign-offs: npm run verify-signoffs`
		);
	} finally {
		if (!restored) {
			await rm(database, { force: true });
			await rm(places.keyFile, { force: true });
			if (!hadFiles) await rm(places.files, { recursive: true, force: true });
			else
				for (const name of readdirSync(places.files))
					await rm(join(places.files, name), { recursive: true, force: true });
		}
	}
}

await runCommand(main);
