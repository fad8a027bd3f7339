import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createDb, databaseUrl, type Db } from '../db';
import { dateOnly, hours } from '../db/time';
import { filesDir } from '../portfolio/attachments';
import { claimStore } from '../portfolio/file-store-owner';
import { readLease, releaseLease, takeLease } from '../schedule/lease';
import { thisServer } from '../schedule/once';
import { retentionPolicy } from './index';
import { describeRetention } from './report';
import { runRetention } from './run';

// `npm run retention [-- --dry-run] [--today YYYY-MM-DD]`, loaded by retention.js: erases what
// the retention policy says is due in the database DATABASE_URL names (as the server does),
// with the files in its file store (FILES_STORE or FILES_DIR). Exit status 0 when done (or when
// another server is running it: a lease lets one at a time erase), 1 for wrong arguments, 2 when
// it cannot (no database, one the server has not brought up to date, another database's store).

const lease = 'retention';
const usage = 'Usage: npm run retention -- [--dry-run] [--today YYYY-MM-DD]';
// The migration that lets a person be erased.
const needed = '2026-12-02-01-erasure';

class CannotError extends Error {}

/** The arguments, or a message saying what is wrong with them. */
export function readArguments(argv: string[], now = new Date()) {
	const { values } = parseArgs({
		args: argv,
		options: { 'dry-run': { type: 'boolean' }, today: { type: 'string' } }
	});
	const dryRun = values['dry-run'] ?? false;
	if (values.today === undefined) return { dryRun, now };
	const today = values.today;
	const date = new Date(`${today}T12:00:00.000Z`);
	if (!/^\d{4}-\d\d-\d\d$/.test(today) || Number.isNaN(date.getTime()) || dateOnly(date) !== today)
		throw new Error(`--today must be a date written YYYY-MM-DD, like 2026-12-01; it is "${today}"`);
	// Erasing is for today only: another day may be looked at, never acted on.
	if (!dryRun) throw new Error('--today is for a dry run only: add --dry-run');
	return { dryRun, now: date };
}

async function open(url: string): Promise<Db> {
	if (url.startsWith('file:') && !existsSync(url.slice('file:'.length)))
		throw new CannotError(`There is no database at ${url.slice('file:'.length)}`);
	const db = createDb(url);
	const done = await db
		.selectFrom('kysely_migration' as never)
		.select('name' as never)
		.where('name' as never, '=', needed as never)
		.execute()
		.catch(() => []);
	if (done.length === 0) {
		await db.destroy();
		throw new CannotError(
			'The database is not up to date: start the server on it once (it migrates the database), then run this again'
		);
	}
	return db;
}

export async function main(argv: string[]): Promise<number> {
	let args;
	try {
		args = readArguments(argv);
	} catch (error) {
		console.error(`${(error as Error).message}\n${usage}`);
		return 1;
	}
	let db: Db;
	try {
		db = await open(databaseUrl());
	} catch (error) {
		if (!(error instanceof CannotError)) throw error;
		console.error(error.message);
		return 2;
	}
	try {
		const policy = retentionPolicy();
		if (!args.dryRun) {
			await claimStore(db, filesDir());
			// Run from cron on every server, it erases on one of them at a time.
			if (!(await takeLease(db, lease, thisServer, hours(6)))) {
				const held = await readLease(db, lease);
				console.log(
					`Another server is applying the retention policy (${held?.holder}, until ${held?.expiresAt}): nothing done here`
				);
				return 0;
			}
		}
		try {
			const report = await runRetention(db, policy, args);
			for (const line of describeRetention(report, policy)) console.log(line);
		} finally {
			if (!args.dryRun) await releaseLease(db, lease, thisServer);
		}
		return 0;
	} catch (error) {
		console.error(`Cannot apply the retention policy: ${(error as Error).message}`);
		return 2;
	} finally {
		await db.destroy();
	}
}
