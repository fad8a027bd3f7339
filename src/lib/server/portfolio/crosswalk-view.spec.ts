import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../content/files';
import type { Db } from '../db';
import { newEvidence, newUser, testDatabases } from '../db/testing';
import { loadFrameworks } from '../framework/load';
import { coverageFor, coverageTable } from './coverage';
import { addMapping } from './evidence';
import { listEvidence } from './list';
import { portfolioSeenByOthers } from './seen-by-others';

// One portfolio read in either of two framework versions, the tiny fixture's alpha and beta
// (src/lib/server/framework/fixtures/tiny), whose crosswalk maps alpha's 1.1 to beta's 1.1 and
// 1.2, 1.1 K1 to 1.1 K1, 1.1 K2 to 1.2 K1, and 1.1 D1 to 1.2 D2.

const library = loadFrameworks(
	readContentFiles(new URL('../framework/fixtures/tiny', import.meta.url).pathname)
);
const [alpha, beta] = ['alpha', 'beta'].map((id) =>
	library.frameworks.find((f) => f.version.id === id)!
);
const view = (version: string) => ({ ...library, version });

describe.each(testDatabases())(
	'a portfolio read in either framework version on $name',
	(database) => {
		let db: Db;
		let close: () => Promise<void>;
		let owner: string;
		const ids: Record<string, string> = {};
		beforeAll(async () => {
			({ db, close } = await database.open());
			owner = await newUser(db);
			// Mapped in alpha, submitted; mapped in beta, accepted; a draft, which counts nowhere.
			ids.old = await record(
				'Mapped in alpha',
				'submitted',
				'alpha',
				['1.1'],
				['1.1 K1', '1.1 K2']
			);
			ids.new = await record('Mapped in beta', 'accepted', 'beta', ['1.2'], ['1.2 D1']);
			ids.draft = await record('A draft', 'draft', 'beta', ['1.1'], ['1.1 D1']);
		});
		afterAll(() => close());

		async function record(
			title: string,
			status: 'draft' | 'submitted' | 'accepted' | 'returned',
			version: string,
			outcomes: string[],
			statements: string[]
		) {
			const id = await newEvidence(db, owner, { title });
			await addMapping(db, id, {
				frameworkVersion: version,
				outcomes,
				statements: statements.map((s) => ({ outcomeId: s.split(' ')[0], statementId: s }))
			});
			await db.updateTable('evidence').set({ status }).where('id', '=', id).execute();
			return id;
		}

		it('counts coverage in beta with the record mapped in alpha carried across', async () => {
			const coverage = (await coverageFor(db, owner, beta, library.crosswalks))[0].outcomes;
			expect(coverage.map((o) => [o.id, o.records, o.accepted])).toEqual([
				['1.1', 1, 0],
				['1.2', 2, 1]
			]);
			// 1.1 K1 from alpha's 1.1 K1, 1.2 K1 from alpha's 1.1 K2, 1.2 D1 mapped in beta.
			expect(coverage.map((o) => o.gaps.map((g) => g.id))).toEqual([['1.1 D1'], ['1.2 D2']]);
		});

		it('counts coverage in alpha with the record mapped in beta carried back', async () => {
			const [outcome] = (await coverageFor(db, owner, alpha, library.crosswalks))[0].outcomes;
			// Beta's 1.2 is what alpha's 1.1 maps to; nothing in alpha maps to beta's 1.2 D1.
			expect([outcome.id, outcome.records, outcome.accepted]).toEqual(['1.1', 2, 1]);
			expect(outcome.gaps.map((g) => g.id)).toEqual(['1.1 D1']);
			// Without the crosswalks, each version sees only what was mapped in it.
			const [own] = (await coverageFor(db, owner, alpha))[0].outcomes;
			expect([own.records, own.accepted]).toEqual([1, 0]);
		});

		it('lists each record with its outcomes in the version read, and finds them by outcome', async () => {
			const listed = async (version: string, outcome?: string) =>
				(await listEvidence(db, owner, { outcome }, view(version))).map((r) => [
					r.title,
					r.outcomes
				]);
			expect(await listed('beta')).toEqual(
				expect.arrayContaining([
					['Mapped in alpha', ['1.1', '1.2']],
					['Mapped in beta', ['1.2']],
					['A draft', ['1.1']]
				])
			);
			expect((await listed('beta', '1.2')).map(([title]) => title).sort()).toEqual([
				'Mapped in alpha',
				'Mapped in beta'
			]);
			expect((await listed('beta', '1.1')).map(([title]) => title).sort()).toEqual([
				'A draft',
				'Mapped in alpha'
			]);
			expect((await listed('alpha', '1.1')).map(([title]) => title).sort()).toEqual([
				'A draft',
				'Mapped in alpha',
				'Mapped in beta'
			]);
			expect(await listed('alpha', '9.9')).toEqual([]);
			// Without a version to read in, the ids as mapped.
			const raw = await listEvidence(db, owner);
			expect(raw.find((r) => r.id === ids.old)?.outcomes).toEqual(['1.1']);
		});

		it('shows others the coverage and the list as read apart, from one read of the mappings', async () => {
			// Returned for more work: listed for others, counted nowhere. The last test, so the
			// record is the others' no concern.
			await record('Returned', 'returned', 'beta', ['1.2'], ['1.2 K1']);
			for (const framework of [alpha, beta]) {
				const apart = {
					domains: coverageTable(await coverageFor(db, owner, framework, library.crosswalks)),
					records: (await listEvidence(db, owner, {}, view(framework.version.id))).filter(
						(r) => r.status !== 'draft'
					)
				};
				const seen = await portfolioSeenByOthers(db, owner, framework, library.crosswalks);
				expect(seen).toEqual(apart);
				expect(seen.records.map((r) => [r.title, r.outcomes]).sort()).toEqual([
					['Mapped in alpha', framework === alpha ? ['1.1'] : ['1.1', '1.2']],
					['Mapped in beta', framework === alpha ? ['1.1'] : ['1.2']],
					['Returned', framework === alpha ? ['1.1'] : ['1.2']]
				]);
			}
		});
	}
);
