import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newUser, testDatabases } from '../db/testing';
import { erasedRationale, eraseChainRationales } from './erasure';
import { findings, newSupervisee, nextEntry, verifyCommand } from './testing';

// An erased practitioner's chain keeps its hashes, so it verifies; the erasure is vouched for by
// a MAC, so marking an entry erased by hand, or changing one after, is still found.

describe.each(testDatabases())(
	'erasing the rationales of a sign-off chain on $name',
	(database) => {
		let db: Db;
		let url: string;
		let close: () => Promise<void>;
		beforeAll(async () => ({ db, url, close } = await database.open()));
		afterAll(() => close());

		const entries = (id: string) =>
			db
				.selectFrom('signoffs')
				.selectAll()
				.where('practitioner_id', '=', id)
				.orderBy('sequence')
				.execute();

		it('keeps every hash, so the chain, its head and the head log still verify', async () => {
			const supervisor = await newUser(db, { roles: ['supervisor'], name: 'Sam Supervisor' });
			const pat = await newSupervisee(db, supervisor, 'Pat Practitioner', 'pat@test.example');
			for (const place of [1, 2, 3]) await nextEntry(db, pat, place);
			const before = await entries(pat.id);
			const now = new Date('2026-12-02T10:00:00Z');

			expect(await eraseChainRationales(db, process.env.SIGNOFF_KEY!, pat.id, now)).toBe(3);
			const after = await entries(pat.id);
			expect(after.map((e) => e.hash)).toEqual(before.map((e) => e.hash));
			expect(after.map((e) => e.rationale)).toEqual([
				erasedRationale,
				erasedRationale,
				erasedRationale
			]);
			expect(after.every((e) => e.erased_at === '2026-12-02T10:00:00.000Z')).toBe(true);
			expect(await findings(db)).toEqual([]);
			expect(verifyCommand(url)).toMatchObject({ status: 0 });
			// Erased already: nothing more to erase.
			expect(await eraseChainRationales(db, process.env.SIGNOFF_KEY!, pat.id, now)).toBe(0);
		});

		it('finds an entry marked erased without the key, and an erased entry changed since', async () => {
			const supervisor = await newUser(db, { roles: ['supervisor'], name: 'Sam Supervisor' });
			const alex = await newSupervisee(db, supervisor, 'Alex Another', 'alex@test.example');
			for (const place of [1, 2]) await nextEntry(db, alex, place);
			const [first, second] = await entries(alex.id);
			await db
				.updateTable('signoffs')
				.set({
					rationale: 'Rewritten',
					erased_at: '2026-12-02T10:00:00.000Z',
					erasure_mac: 'f'.repeat(64)
				})
				.where('id', '=', first.id)
				.execute();
			await eraseChainRationales(db, process.env.SIGNOFF_KEY!, alex.id, new Date());
			await db
				.updateTable('signoffs')
				.set({ outcome_id: '1.1' })
				.where('id', '=', second.id)
				.execute();
			const problem = 'it is marked as erased, but not by the service, or it was changed since';
			expect(await findings(db)).toEqual([
				['Alex Another', 1, problem],
				['Alex Another', 2, problem]
			]);
			expect(verifyCommand(url)).toMatchObject({ status: 1 });
		});
	}
);
