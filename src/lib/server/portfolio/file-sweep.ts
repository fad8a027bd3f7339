import type { Db } from '../db';
import { filesDir } from './attachments';
import { referencedHashes, releaseStoredFiles } from './file-references';
import { claimStore } from './file-store-owner';
import { deleteTemporaryFile, listStore } from './file-store';
import { openStore } from '../storage';
import { BucketStore } from '../storage/bucket-store';

/**
 * Removes what a crash can leave in the store (a folder or a bucket): temporary files from writes that never
 * finished, and stored files no current attachment refers to (bytes written for a save that
 * never committed, or of a removed file whose deletion was cut short). Only files last
 * changed before `cutoff` are touched, so writes in flight are left alone.
 */
export async function sweepStore(db: Db, dir: string, cutoff: Date) {
	const old = (await listStore(dir)).filter((entry) => entry.modified < cutoff);
	const temporary = old.filter((entry) => entry.hash === undefined);
	for (const entry of temporary) await deleteTemporaryFile(entry, dir);
	const referenced = await referencedHashes(db);
	const unreferenced = old.flatMap((e) => (e.hash && !referenced.has(e.hash) ? [e.hash] : []));
	const orphans = await releaseStoredFiles(db, dir, unreferenced);
	return { temporary: temporary.length, orphans };
}

/** FILES_SWEEP_GRACE_MINUTES: how much older than the server's start a file must be to go. */
export function sweepGraceMinutes(env: Record<string, string | undefined> = process.env): number {
	const value = env.FILES_SWEEP_GRACE_MINUTES?.trim() || '0';
	if (!/^\d{1,6}$/.test(value)) {
		throw new Error(
			`FILES_SWEEP_GRACE_MINUTES must be a whole number of minutes, like 60; it is "${value}"`
		);
	}
	return Number(value);
}

const minute = 60_000;
// While the server runs, nothing younger than this is swept, whatever the grace: its own
// writes in flight are seconds old.
const runningGraceMinutes = 60;
const sweepEvery = 6 * 60 * minute;

async function sweepAndSay(db: Db, cutoff: Date) {
	const { temporary, orphans } = await sweepStore(db, filesDir(), cutoff);
	if (temporary || orphans)
		console.log(
			`File store: removed ${temporary} unfinished upload(s) and ${orphans} file(s) no record uses`
		);
}

/**
 * Checks the store is this database's, then sweeps it before the server answers (so a crash's
 * leftovers go at the restart) and every six hours after, which matters when several servers
 * share the store and a grace period is set.
 */
export async function startFileStore(db: Db, startedAt = performance.timeOrigin) {
	const grace = sweepGraceMinutes();
	const store = openStore(filesDir());
	// A folder not made yet is made by the claim; a bucket must be there and answer.
	if (store instanceof BucketStore)
		await store.check().catch((error) => {
			throw new Error(`the file store ${store.name} cannot be reached: ${error.message}`, {
				cause: error
			});
		});
	await claimStore(db, filesDir());
	await sweepAndSay(db, new Date(startedAt - grace * minute));
	const later = () =>
		sweepAndSay(db, new Date(Date.now() - Math.max(grace, runningGraceMinutes) * minute)).catch(
			(error) => console.error(`File store sweep failed: ${(error as Error).message}`)
		);
	setInterval(later, sweepEvery).unref();
}
