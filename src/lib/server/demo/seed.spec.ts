import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { ownTables, testDatabases } from '../db/testing';
import { seedDemoAuthority } from './seed';

// The demo authority is data under content/demo; this test holds what the seed makes of it: the
// rows in every table and a digest of each table's texts, the same on SQLite and PostgreSQL, in
// __snapshots__/demo-figures.json. The figures were first taken from the seed as it was written
// in TypeScript (ae7a82b, with 655f6a0 settling the order of two needs raised in one audit), so
// the demo moved into content was shown to make the same rows. Change them only on purpose:
// `npx vitest run src/lib/server/demo -u` writes them anew (never in CI), and the commit says
// which figures moved and why (`git log -p` on the file tells each change since).

const now = new Date('2026-11-23T09:30:00Z');

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
// A time of day, a password hash or a content hash changes from run to run; dates do not.
const volatile = /^(?:\d{4}-\d\d-\d\dT.*|[0-9a-f]{64}|\$.*)$/;

function mask(value: unknown) {
	if (typeof value !== 'string') return value;
	return volatile.test(value) ? '~' : value.replace(uuid, '~');
}

/**
 * Each table's count of rows, and a digest of its rows with ids, times and hashes masked. Events
 * and mail are counted only: their wording belongs to other modules.
 */
async function figures(db: Db) {
	const counts: Record<string, number> = {};
	const digests: Record<string, string> = {};
	for (const name of (await ownTables(db)).sort()) {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- every table, by name
		const rows: Record<string, unknown>[] = await (db as any)
			.selectFrom(name)
			.selectAll()
			.execute();
		counts[name] = rows.length;
		// A count of changes to the audit figures, which the two databases count differently.
		const counters = ['events', 'outbox', 'figure_versions'];
		if (counters.includes(name) || rows.length === 0) continue;
		const lines = rows
			.map((row) =>
				JSON.stringify(
					Object.keys(row)
						.sort()
						.map((key) => [key, mask(row[key])])
				)
			)
			.sort();
		digests[name] = createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
	}
	return { counts, digests };
}

for (const database of testDatabases()) {
	describe(`the demo authority on ${database.name}`, () => {
		let db: Db;
		let close: () => Promise<void>;
		beforeAll(async () => {
			({ db, close } = await database.open());
			await seedDemoAuthority(db, now);
		});
		afterAll(() => close());

		it('creates the same rows in every table, with the same texts', async () => {
			const text = `${JSON.stringify(await figures(db), null, '\t')}\n`;
			await expect(text).toMatchFileSnapshot('__snapshots__/demo-figures.json');
		});
	});
}
