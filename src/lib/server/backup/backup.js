// `npm run backup -- <file>`: a consistent backup of a SQLite database and its file store in
// one archive (tar, gzipped), taken while the server runs. The database is copied by SQLite's
// online backup; then every stored file is added. Files are written once and never changed, so
// the only way the two can disagree is a file deleted (its record's draft deleted, its person
// erased) between the copy and the files: then the whole backup is taken again. Plain
// JavaScript, so it runs from an installed app. Exit status 0 when done, 1 for wrong arguments,
// 2 when it cannot (no database, PostgreSQL, a bucket, the archive already there).
import { createReadStream, existsSync } from 'node:fs';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import SQLite from 'better-sqlite3';
import { CannotError, archiveArgument, dataPlaces, entryNames, runCommand } from './archive.js';
import { tarChunks } from './tar.js';

const usage = 'Usage: npm run backup -- <file>   (for example backups/golden-thread.tar.gz)';
const attempts = 3;

/** @param {string} name @param {string} path */
const fileEntry = async (name, path) => ({
	name,
	size: (await stat(path)).size,
	body: createReadStream(path)
});

/** @param {string} folder */
async function namesIn(folder) {
	try {
		return await readdir(folder);
	} catch (error) {
		if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return [];
		throw error;
	}
}

/**
 * The stored files (by hash) in the folder; temporary files and anything else are left out.
 * @param {string} dir
 */
async function storedFiles(dir) {
	const files = [];
	for (const folder of (await namesIn(dir)).filter((n) => /^[0-9a-f]{2}$/.test(n)).sort())
		for (const name of (await namesIn(join(dir, folder))).sort())
			if (/^[0-9a-f]{64}$/.test(name) && name.startsWith(folder)) files.push(`${folder}/${name}`);
	return files;
}

/**
 * Writes one attempt at the archive; returns the hashes the copied database refers to whose
 * files were gone by the time they were read (none, for a consistent backup).
 * @param {ReturnType<typeof dataPlaces>} places @param {string} partial @param {string} copy
 */
async function attempt(places, partial, copy) {
	// The copy holds personal data: readable by this user only, as the database is.
	await (await open(copy, 'w', 0o600)).close();
	const source = new SQLite(places.database, { readonly: true, fileMustExist: true });
	try {
		await source.backup(copy);
	} finally {
		source.close();
	}
	const snapshot = new SQLite(copy);
	// One self-contained file, without the write-ahead log beside it; the server turns it on again.
	snapshot.pragma('journal_mode = DELETE');
	const referenced = /** @type {{ file_hash: string }[]} */ (
		snapshot.prepare('select distinct file_hash from attachments where removed_at is null').all()
	).map((row) => row.file_hash);
	snapshot.close();
	const stored = await storedFiles(places.files);
	const manifest = Buffer.from(
		`${JSON.stringify({ format: 1, createdAt: new Date().toISOString(), files: stored.length }, null, '\t')}\n`
	);
	const archived = new Set();
	async function* entries() {
		yield { name: entryNames.manifest, size: manifest.length, body: [manifest] };
		// Before the files, so that restoring can check them against it as they come.
		yield await fileEntry(entryNames.database, copy);
		if (existsSync(places.keyFile)) yield await fileEntry(entryNames.key, places.keyFile);
		const marker = join(places.files, entryNames.markerFile);
		if (existsSync(marker)) yield await fileEntry(entryNames.marker, marker);
		for (const file of stored) {
			const entry = await fileEntry(`files/${file}`, join(places.files, file)).catch((error) => {
				if (error.code === 'ENOENT') return undefined;
				throw error;
			});
			if (!entry) continue;
			archived.add(file.slice(3));
			yield entry;
		}
	}
	const output = await open(partial, 'w', 0o600);
	await pipeline(Readable.from(tarChunks(entries())), createGzip(), output.createWriteStream());
	return { missing: referenced.filter((hash) => !archived.has(hash)), files: archived.size };
}

async function main() {
	const archive = archiveArgument(process.argv.slice(2), usage);
	const places = dataPlaces();
	if (!existsSync(places.database))
		throw new CannotError(`There is no database at ${places.database}`);
	if (existsSync(archive))
		throw new CannotError(`${archive} is there already: choose a new name for the backup`);
	const partial = `${archive}.partial`;
	const copy = `${archive}.database`;
	try {
		for (let i = 1; i <= attempts; i++) {
			const { missing, files } = await attempt(places, partial, copy);
			if (missing.length === 0) {
				await rename(partial, archive);
				console.log(`Backed up ${places.database} and ${files} stored files to ${archive}`);
				return;
			}
			console.log(`${missing.length} files went while the backup was taken: taking it again`);
		}
		throw new CannotError(
			`Files kept going while the backup was taken (${attempts} tries): try again when the service is quieter`
		);
	} finally {
		for (const leftover of [partial, copy, `${copy}-wal`, `${copy}-shm`])
			await rm(leftover, { force: true });
	}
}

await runCommand(main);
