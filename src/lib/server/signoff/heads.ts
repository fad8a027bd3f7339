import { existsSync } from 'node:fs';
import { PostgresAdapter, sql } from 'kysely';
import { databaseUrl, type Db } from '../db';
import { timestamp } from '../db/time';
import { keyFits, type SignoffRecords } from './anchor.js';
import { headMac, logMac, sealMac } from './mac.js';
import { createSignoffKeyFile, readSignoffKey, signoffKeyFile, SignoffKeyError } from './key.js';

// Each practitioner's head and the head log: written in the transaction that appends a
// sign-off entry, and once for every chain when the chains are first sealed.

/** The key for the app's database: SIGNOFF_KEY, or the file beside the SQLite database. */
export const signoffKey = () => readSignoffKey(databaseUrl());

/** An arbitrary number naming the PostgreSQL advisory lock that puts head log entries in order. */
const headLogLock = 0x5349474e;

/**
 * Makes head log writers take turns: on PostgreSQL two appends for different practitioners
 * would otherwise both take the next place in the log. SQLite's BEGIN IMMEDIATE already does.
 */
export async function lockHeadLog(tx: Db) {
	if (tx.getExecutor().adapter instanceof PostgresAdapter)
		await sql`select pg_advisory_xact_lock(${headLogLock})`.execute(tx);
}

/** Everything the sign-off check reads, from one snapshot of the database. */
export function readSignoffRecords(db: Db): Promise<SignoffRecords> {
	return db
		.transaction()
		.setIsolationLevel('repeatable read')
		.execute(async (tx) => ({
			entries: await tx.selectFrom('signoffs').selectAll().execute(),
			heads: await tx.selectFrom('signoff_heads').selectAll().execute(),
			log: await tx.selectFrom('signoff_head_log').selectAll().execute(),
			seal: await tx.selectFrom('signoff_seal').select(['sealed_at', 'mac']).executeTakeFirst()
		}));
}

/**
 * Sets the practitioner's head and adds it to the head log, after the log's last entry (or
 * the seal). Call inside the transaction that writes the entry, after `lockHeadLog`.
 */
export async function advanceHead(
	tx: Db,
	key: string,
	head: { practitionerId: string; sequence: number; hash: string; kind: 'seal' | 'append' },
	now: Date
) {
	const row = { practitioner_id: head.practitionerId, sequence: head.sequence, hash: head.hash };
	const mac = headMac(key, row);
	await tx
		.insertInto('signoff_heads')
		.values({ ...row, mac })
		.onConflict((oc) => oc.column('practitioner_id').doUpdateSet({ ...row, mac }))
		.execute();
	const last = await tx
		.selectFrom('signoff_head_log')
		.select(['sequence', 'practitioner_id', 'head_sequence', 'mac'])
		.orderBy('sequence', 'desc')
		.limit(1)
		.executeTakeFirst();
	const seal = await tx.selectFrom('signoff_seal').select('mac').executeTakeFirst();
	const entry = {
		sequence: Number(last?.sequence ?? 0) + 1,
		practitioner_id: head.practitionerId,
		kind: head.kind,
		head_sequence: head.sequence,
		head_hash: head.hash,
		created_at: timestamp(now),
		previous_practitioner_id: last?.practitioner_id ?? null,
		previous_head_sequence: last?.head_sequence ?? null,
		// Only after tampering is there neither; the check then reports the missing seal.
		previous_mac: last?.mac ?? seal?.mac ?? ''
	};
	await tx
		.insertInto('signoff_head_log')
		.values({ ...entry, mac: logMac(key, entry) })
		.execute();
}

/** True once the chains were sealed: any seal, head or head log entry says so. */
async function anchored(db: Db) {
	const [seal, head, logged] = await Promise.all([
		db.selectFrom('signoff_seal').select('id').executeTakeFirst(),
		db.selectFrom('signoff_heads').select('practitioner_id').limit(1).executeTakeFirst(),
		db.selectFrom('signoff_head_log').select('sequence').limit(1).executeTakeFirst()
	]);
	return Boolean(seal || head || logged);
}

/**
 * Seals the chains once: writes the seal and a head for each practitioner's chain as it stands.
 * After that a chain without a head is tampering, so deleting heads cannot bring this back;
 * only removing every seal, head and head log record does (see docs/security.md).
 * Returns how many chains it sealed, or null when they were sealed already.
 */
export function sealSignoffs(db: Db, key: string, now = new Date()) {
	return db.transaction().execute(async (tx) => {
		await lockHeadLog(tx);
		if (await anchored(tx)) return null;
		const seal = { id: 1, sealed_at: timestamp(now) };
		await tx
			.insertInto('signoff_seal')
			.values({ ...seal, mac: sealMac(key, seal) })
			.execute();
		const heads = await tx
			.selectFrom('signoffs as s')
			.select(['s.practitioner_id', 's.sequence', 's.hash'])
			.where(({ eb, selectFrom }) =>
				eb(
					's.sequence',
					'=',
					selectFrom('signoffs as later')
						.select((e) => e.fn.max('later.sequence').as('m'))
						.whereRef('later.practitioner_id', '=', 's.practitioner_id')
				)
			)
			.orderBy('s.practitioner_id')
			.execute();
		for (const head of heads) {
			const { practitioner_id: practitionerId, sequence, hash } = head;
			await advanceHead(tx, key, { practitionerId, sequence, hash, kind: 'seal' }, now);
		}
		return heads.length;
	});
}

/**
 * The key at start-up. On SQLite without SIGNOFF_KEY one is generated beside the database the
 * first time, but never for records already sealed: a new key would make them all fail.
 */
async function startingKey(db: Db, url: string) {
	const file = signoffKeyFile(url);
	if (process.env.SIGNOFF_KEY || !file || existsSync(file)) return readSignoffKey(url);
	if (await anchored(db))
		throw new SignoffKeyError(
			`SIGNOFF_KEY is not set and the sign-off key file ${file} is missing, but the sign-off records were sealed with a key: put the file back or set SIGNOFF_KEY to that key (see docs/security.md)`
		);
	return createSignoffKeyFile(url);
}

/**
 * Start-up, after migrations: finds the key, refuses one the records were not sealed with
 * (new entries MAC'd with it would break the chains for good), and seals the chains if they
 * never were. Returns how many chains it sealed, or null when they were sealed already.
 */
export async function startSignoffs(db: Db, url = databaseUrl(), now = new Date()) {
	const key = await startingKey(db, url);
	if (!keyFits(await readSignoffRecords(db), key))
		throw new SignoffKeyError(
			`the sign-off key (${process.env.SIGNOFF_KEY ? 'SIGNOFF_KEY' : signoffKeyFile(url)}) is not the one the sign-off records were sealed with: set SIGNOFF_KEY to that key (see docs/security.md)`
		);
	return sealSignoffs(db, key, now);
}
