import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db';
import { newUser, testDatabases } from '../db/testing';
import { startSignoffs } from './heads';
import { findings, newSupervisee, nextEntry, verifyCommand } from './testing';

// These start Node processes and databases; a shared, busy machine can take its time.
const slow = 60_000;

const notSealed =
	'the sign-off chains have not been sealed yet: start the service once to seal them';

describe.each(testDatabases())(
	'sealing the sign-off chains on $name',
	(database) => {
		let db: Db;
		let url: string;
		let close: () => Promise<void>;
		beforeAll(async () => ({ db, url, close } = await database.open()));
		afterAll(() => close());
		afterEach(() => vi.unstubAllEnvs());

		it('seals chains that have no heads once, at start-up, and never again', async () => {
			const supervisor = await newUser(db, { roles: ['supervisor'], name: 'Sam Supervisor' });
			const pat = await newSupervisee(db, supervisor, 'Pat Practitioner', 'pat@test.example');
			await nextEntry(db, pat, 1);
			await nextEntry(db, pat, 2);
			// What a database that already held chains looks like after the migration that adds the
			// heads and before the service first starts on it.
			await db.deleteFrom('signoff_head_log').execute();
			await db.deleteFrom('signoff_heads').execute();
			await db.deleteFrom('signoff_seal').execute();
			expect(await findings(db)).toBe(notSealed);
			expect(verifyCommand(url)).toEqual({
				status: 2,
				output: `Cannot verify the sign-offs: ${notSealed}\n`
			});

			expect(await startSignoffs(db, url, new Date('2026-11-29T09:00:00Z'))).toBe(1);
			expect(await findings(db)).toEqual([]);
			const sealed = verifyCommand(url);
			expect(sealed.status).toBe(0);
			expect(sealed.output).toContain('Sealed 2026-11-29T09:00:00.000Z; head log: 1 entry,');
			await nextEntry(db, pat, 3);
			expect(await findings(db)).toEqual([]);

			// Deleting a head later does not bring the sealing back: it is tampering.
			await db.deleteFrom('signoff_heads').execute();
			expect(await startSignoffs(db, url)).toBeNull();
			expect(await findings(db)).toEqual([
				['Pat Practitioner', null, 'its head record was deleted']
			]);
			expect(verifyCommand(url).status).toBe(1);
		});

		it('refuses to start with a key the records were not sealed with', async () => {
			vi.stubEnv('SIGNOFF_KEY', 'a different key of thirty-two characters or more');
			await expect(startSignoffs(db, url)).rejects.toThrow(
				'the sign-off key (SIGNOFF_KEY) is not the one the sign-off records were sealed with'
			);
		});
	},
	slow
);

describe.each(testDatabases())(
	'sign-offs at the same moment on $name',
	(database) => {
		let db: Db;
		let close: () => Promise<void>;
		beforeAll(async () => ({ db, close } = await database.open()));
		afterAll(() => close());

		it('each take their own place in the head log', async () => {
			const supervisor = await newUser(db, { roles: ['supervisor'] });
			const people = await Promise.all(
				[1, 2, 3, 4].map((n) => newSupervisee(db, supervisor, `Person ${n}`, `p${n}@test.example`))
			);
			for (const place of [1, 2, 3])
				await Promise.all(people.map((person) => nextEntry(db, person, place)));
			expect(await findings(db)).toEqual([]);
			const log = await db.selectFrom('signoff_head_log').select('sequence').execute();
			expect(log.map((e) => Number(e.sequence)).sort((a, b) => a - b)).toEqual(
				Array.from({ length: 12 }, (_, i) => i + 1)
			);
		});
	},
	slow
);
