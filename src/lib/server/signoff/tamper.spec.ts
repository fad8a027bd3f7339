import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newUser, testDatabases } from '../db/testing';
import { entryHash, genesisHash, verifyChains } from './chain.js';
import { findings, newSupervisee, nextEntry, verifyCommand } from './testing';

// These start Node processes and databases; a shared, busy machine can take its time.
const slow = 60_000;

// Every way of shortening or rewriting a sign-off chain that the chain alone cannot show,
// done as a database editor without SIGNOFF_KEY would: deleting rows, editing them, and
// putting back older rows that carry a valid MAC.

const pat = 'Pat Practitioner';

describe.each(testDatabases())(
	'tampering with the sign-off records on $name',
	(database) => {
		let db: Db;
		let url: string;
		let close: () => Promise<void>;
		let ids: { pat: string; alex: string };
		let patHeadAt2: { practitioner_id: string; sequence: number; hash: string; mac: string };

		// Pat's chain has 3 entries and Alex's 2, made in the order Pat 1, Alex 1, Pat 2, Pat 3,
		// Alex 2: head log entries 1 to 5, Pat's newest (entry 3) at place 4.
		beforeEach(async () => {
			({ db, url, close } = await database.open());
			const supervisor = await newUser(db, { roles: ['supervisor'], name: 'Sam Supervisor' });
			const p = await newSupervisee(db, supervisor, pat, 'pat@test.example');
			const a = await newSupervisee(db, supervisor, 'Alex Another', 'alex@test.example');
			await nextEntry(db, p, 1);
			await nextEntry(db, a, 1);
			await nextEntry(db, p, 2);
			patHeadAt2 = await head(p.id);
			await nextEntry(db, p, 3);
			await nextEntry(db, a, 2);
			ids = { pat: p.id, alex: a.id };
		});
		afterEach(() => close());

		const head = (id: string) =>
			db
				.selectFrom('signoff_heads')
				.selectAll()
				.where('practitioner_id', '=', id)
				.executeTakeFirstOrThrow();
		const patEntries = () =>
			db
				.selectFrom('signoffs')
				.selectAll()
				.where('practitioner_id', '=', ids.pat)
				.orderBy('sequence')
				.execute();
		const deletePatEntry = (sequence: number) =>
			db
				.deleteFrom('signoffs')
				.where('practitioner_id', '=', ids.pat)
				.where('sequence', '=', sequence)
				.execute();
		const deleteLogEntry = (sequence: number) =>
			db.deleteFrom('signoff_head_log').where('sequence', '=', sequence).execute();
		const rewindPatHead = () =>
			db
				.updateTable('signoff_heads')
				.set(patHeadAt2)
				.where('practitioner_id', '=', ids.pat)
				.execute();
		/** The old check, on the chains alone, sees nothing wrong: what made the anchors necessary. */
		const chainsAloneLookIntact = async () =>
			expect(verifyChains(await db.selectFrom('signoffs').selectAll().execute())).toEqual([]);

		it('finds nothing wrong with untouched records, and the command exits 0', async () => {
			expect(await findings(db)).toEqual([]);
			const command = verifyCommand(url);
			expect(command.status).toBe(0);
			expect(command.output).toContain('Sign-off chains intact: 5 entries checked.');
			expect(command.output).toMatch(
				/Sealed .*; head log: 5 entries, the newest MAC [0-9a-f]{64}\./
			);
		});

		it('finds the newest entry deleted, and the command exits 1 naming the practitioner', async () => {
			await deletePatEntry(3);
			await chainsAloneLookIntact();
			expect(await findings(db)).toEqual([[pat, null, 'its newest entry, 3, was deleted']]);
			const command = verifyCommand(url);
			expect(command.status).toBe(1);
			expect(command.output).toContain(
				'- Pat Practitioner <pat@test.example>: its newest entry, 3, was deleted'
			);
		});

		it('finds the newest entry deleted with the head set back to its older, validly MACd value', async () => {
			await deletePatEntry(3);
			await rewindPatHead();
			await chainsAloneLookIntact();
			expect(await findings(db)).toEqual([
				[pat, null, 'its head was set back to entry 2; the head log shows entry 3'],
				[pat, null, 'its newest entry, 3, was deleted']
			]);
			expect(verifyCommand(url).status).toBe(1);
		});

		it('names whose head log entry was deleted to hide a set-back head', async () => {
			await deletePatEntry(3);
			await rewindPatHead();
			await deleteLogEntry(4);
			await chainsAloneLookIntact();
			expect(await findings(db)).toEqual([
				[pat, null, 'head log entry 4 was deleted; it recorded its entry 3']
			]);
			const command = verifyCommand(url);
			expect(command.status).toBe(1);
			expect(command.output).toContain(
				'Pat Practitioner <pat@test.example>: head log entry 4 was deleted'
			);
		});

		it('finds a whole chain deleted, with or without its head', async () => {
			await db.deleteFrom('signoffs').where('practitioner_id', '=', ids.pat).execute();
			await chainsAloneLookIntact();
			expect(await findings(db)).toEqual([[pat, null, 'its whole chain of 3 entries was deleted']]);
			expect(verifyCommand(url).status).toBe(1);
			await db.deleteFrom('signoff_heads').where('practitioner_id', '=', ids.pat).execute();
			expect(await findings(db)).toEqual([
				[pat, null, 'its head record was deleted'],
				[pat, null, 'its whole chain of 3 entries was deleted']
			]);
		});

		it('finds an entry changed and every later hash recomputed', async () => {
			const chain = await patEntries();
			chain[1].rationale = 'Rewritten behind the service’s back';
			let previous = genesisHash;
			for (const entry of chain) {
				entry.previous_hash = previous;
				entry.hash = entryHash(entry);
				previous = entry.hash;
				await db.updateTable('signoffs').set(entry).where('id', '=', entry.id).execute();
			}
			await chainsAloneLookIntact();
			expect(await findings(db)).toEqual([
				[
					pat,
					2,
					'is not the entry recorded when it was written: it or an earlier entry was changed and the hashes after it recomputed'
				]
			]);
			const command = verifyCommand(url);
			expect(command.status).toBe(1);
			expect(command.output).toContain('Pat Practitioner <pat@test.example>, entry 2 (');
		});

		it('finds a head record deleted or changed', async () => {
			await db.deleteFrom('signoff_heads').where('practitioner_id', '=', ids.pat).execute();
			expect(await findings(db)).toEqual([[pat, null, 'its head record was deleted']]);
			expect(verifyCommand(url).status).toBe(1);
			await db
				.insertInto('signoff_heads')
				.values({ ...patHeadAt2, sequence: 3 })
				.execute();
			expect(await findings(db)).toEqual([[pat, null, 'its head record was changed']]);
		});

		it('finds head log entries changed, or deleted from the middle of the log', async () => {
			await db
				.updateTable('signoff_head_log')
				.set({ created_at: '2026-01-01T00:00:00.000Z' })
				.where('sequence', '=', 3)
				.execute();
			expect(await findings(db)).toEqual([
				[pat, null, 'head log entry 3 was changed after it was written']
			]);
			expect(verifyCommand(url).status).toBe(1);
			await deleteLogEntry(2);
			await deleteLogEntry(3);
			const found = await findings(db);
			expect(found).toHaveLength(3);
			expect(found).toEqual(
				expect.arrayContaining([
					[pat, null, 'head log entries 2 to 3 were deleted; the last recorded its entry 2'],
					[pat, null, "the head log's record of entry 2 was deleted"],
					['Alex Another', null, "the head log's record of entry 1 was deleted"]
				])
			);
		});

		it('finds a chain cut back and regrown through the service', async () => {
			await deletePatEntry(3);
			await rewindPatHead();
			await nextEntry(db, await supervisee(ids.pat), 3);
			expect(await findings(db)).toEqual([
				[pat, null, 'the head log records entry 3 twice: the chain was cut back and written again'],
				[
					pat,
					3,
					'is not the entry recorded when it was written: it or an earlier entry was changed and the hashes after it recomputed'
				]
			]);
		});

		it('finds the seal deleted or changed', async () => {
			await db.updateTable('signoff_seal').set({ sealed_at: '2020-01-01T00:00:00.000Z' }).execute();
			expect(await findings(db)).toEqual([
				[null, null, 'the seal, which marks when the chains were first anchored, was changed']
			]);
			await db.deleteFrom('signoff_seal').execute();
			expect(await findings(db)).toEqual([
				[null, null, 'the seal, which marks when the chains were first anchored, was deleted']
			]);
			expect(verifyCommand(url).status).toBe(1);
		});

		it('cannot check with the wrong key, and the command exits 2', async () => {
			const wrong = 'another key of at least thirty-two characters';
			expect(await findings(db, wrong)).toMatch(
				/^the sign-off key is not the one these records were sealed with/
			);
			const command = verifyCommand(url, { SIGNOFF_KEY: wrong });
			expect(command.status).toBe(2);
			expect(command.output).toContain(
				'Cannot verify the sign-offs: the sign-off key is not the one'
			);
			expect(verifyCommand(url, { SIGNOFF_KEY: 'short' }).output).toContain(
				'at least 32 characters'
			);
		});

		// The limit stated in docs/security.md: undoing the very newest sign-off in the whole
		// database, with everything it wrote, leaves the records as an earlier backup would be.
		it('cannot tell the newest sign-off of all undone with its anchors from an earlier backup', async () => {
			const alexHeadBefore = await head(ids.alex);
			await nextEntry(db, await supervisee(ids.alex), 3);
			await db
				.deleteFrom('signoffs')
				.where('practitioner_id', '=', ids.alex)
				.where('sequence', '=', 3)
				.execute();
			await deleteLogEntry(6);
			expect(await findings(db)).not.toEqual([]);
			await db
				.updateTable('signoff_heads')
				.set(alexHeadBefore)
				.where('practitioner_id', '=', ids.alex)
				.execute();
			expect(await findings(db)).toEqual([]);
		});

		/** A practitioner as set up: their supervisor and accepted record, for adding entries. */
		async function supervisee(id: string) {
			const entry = await db
				.selectFrom('signoffs')
				.select(['actor_id', 'evidence_ids'])
				.where('practitioner_id', '=', id)
				.where('sequence', '=', 1)
				.executeTakeFirstOrThrow();
			const evidenceId = JSON.parse(entry.evidence_ids)[0] as string;
			return { id, supervisorId: entry.actor_id, evidenceId };
		}
	},
	slow
);
