import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { ownServer } from './own-server';
import { burst, expectWhole, type Acknowledged } from './saves';
import { apiAs, demoAccounts } from './session';

// Ten times: a burst of new records with files, the server killed (SIGKILL) once a few have
// been acknowledged while more are in flight, then restarted. After each restart, every
// acknowledged record has every file, byte for byte; a record that was not acknowledged is
// either absent or whole; the store holds exactly the files the database refers to (no
// temporary files, no orphans); and SQLite's integrity check passes.

const server = ownServer('crash', 1000);
const rounds = 10;
// The kill comes when this many saves in the round have been answered (a state, not a time).
const acknowledgedBeforeKill = 3;
const savesAtOnce = 6;

/** Every file in the store but its marker (which says whose store it is). */
const storeContents = () =>
	readdirSync(server.files, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name !== '.golden-thread-store')
		.map((entry) => join(entry.parentPath, entry.name));

/** The store holds exactly the files current attachments refer to: no temporary files, no orphans. */
function expectStoreMatches(db: Database.Database, round: number) {
	const stored = storeContents();
	expect(
		stored.filter((file) => file.endsWith('.tmp')),
		`round ${round}`
	).toEqual([]);
	const referenced = db
		.prepare('select distinct file_hash from attachments where removed_at is null')
		.all() as { file_hash: string }[];
	expect(stored.map((file) => file.split('/').at(-1)).sort(), `round ${round}`).toEqual(
		referenced.map((r) => r.file_hash).sort()
	);
}

test('records acknowledged before a crash are whole, and nothing is left over', async () => {
	server.reset();
	await server.start();
	const api = await apiAs(server.url, demoAccounts.practitioner);
	const everyAcknowledged: Acknowledged[] = [];
	let unanswered = 0;
	try {
		for (let round = 1; round <= rounds; round++) {
			const { acknowledged, unacknowledged } = await burst(api, round, {
				atOnce: savesAtOnce,
				stopAfter: acknowledgedBeforeKill,
				stop: () => server.stop('SIGKILL')
			});
			everyAcknowledged.push(...acknowledged);
			unanswered += unacknowledged.length;
			// The sweep runs before the server answers, so once it answers the store is clean.
			await server.start();
			const db = new Database(server.database, { readonly: true });
			try {
				expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
				for (const save of everyAcknowledged) await expectWhole(api, db, save.id, save);
				// Saves in flight at the kill: each is either not there at all or whole.
				for (const save of unacknowledged) {
					const row = db.prepare('select id from evidence where title = ?').get(save.title) as
						{ id: string } | undefined;
					if (row) await expectWhole(api, db, row.id, save);
				}
				expectStoreMatches(db, round);
			} finally {
				db.close();
			}
		}
	} finally {
		await server.stop();
	}
	// The kills came with saves in flight, or the test proved nothing about them.
	expect(unanswered).toBeGreaterThan(0);
});
