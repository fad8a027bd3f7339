import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { testDatabases } from '../db/testing';
import { seedDemoAuthority } from '../demo/seed';

// The counts the workforce pages read, kept by month and team or by team, whatever changes the
// rows they count. A transaction that changes many rows of one team must recount it once, not
// once a row: on PostgreSQL, where the cost of recounting one key again and again in one
// transaction grows faster than the square, 400 audits of one month and team took six minutes to
// copy (2026-12-12-03). Here every row the counts are made of is written again, unchanged, in
// one transaction: the counts must come out as they were, and on PostgreSQL each kept row must
// have been written once at most.

/** Every row each kept count is made of, written again as it is: each change fires its trigger. */
const rewrites = [
	sql`update audits set audited_on = audited_on, overall_grade = overall_grade`,
	sql`update audit_grades set effective_grade = effective_grade`,
	sql`update audit_findings set kind = kind`,
	sql`update audit_finding_tags set ref = ref`,
	sql`update learning_needs set status = status`,
	sql`update learning_need_outcomes set outcome_id = outcome_id`,
	sql`update accepted_outcomes set latest_on = latest_on`
];

describe.each(testDatabases())('the kept counts on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	/** Each kept table: the triggers' tables are those counting by month (and team). */
	let kept: string[];
	beforeAll(async () => {
		({ db, close } = await database.open());
		await seedDemoAuthority(db, new Date('2026-11-23T09:00:00Z'));
		// On PostgreSQL, this test's own schema: others' stand beside it.
		const schema =
			database.name === 'PostgreSQL'
				? (await sql<{ name: string }>`select current_schema() as name`.execute(db)).rows[0].name
				: undefined;
		kept = (await db.introspection.getTables())
			.filter((t) => t.schema === schema && t.name.endsWith('_months'))
			.map((t) => t.name);
	});
	afterAll(() => close());

	/** Each kept table's rows, in an order of their own. */
	async function rows() {
		const all: Record<string, string[]> = {};
		for (const table of kept) {
			const found = await sql<object>`select * from ${sql.table(table)}`.execute(db);
			all[table] = found.rows.map((row) => JSON.stringify(row)).sort();
		}
		return all;
	}

	it('come out as they were when every row they count is written again in one transaction', async () => {
		expect(kept).toEqual(
			expect.arrayContaining(['audit_area_months', 'learning_need_months', 'coverage_team_months'])
		);
		expect(kept).toHaveLength(7);
		const before = await rows();
		for (const [table, found] of Object.entries(before))
			expect(found.length, `${table} holds rows in the demo`).toBeGreaterThan(0);
		const written = await db.transaction().execute(async (tx) => {
			const postgres = database.name === 'PostgreSQL';
			// How many rows each kept table of this schema has been given. PostgreSQL's figures for
			// "this transaction" still hold the last transactions' until it passes them on (at most
			// once a second, when the connection is idle): the seed's, on a fast run. So the count
			// is taken before and after, within the transaction, where it passes nothing on.
			const inserted = async () => {
				const { rows } = await sql<{ table: string; inserted: string }>`
					select relname as table, n_tup_ins as inserted from pg_stat_xact_user_tables
					where schemaname = current_schema() and relname in (${sql.join(kept)})`.execute(tx);
				return new Map(rows.map((r) => [r.table, Number(r.inserted)]));
			};
			const before = postgres ? await inserted() : null;
			for (const rewrite of rewrites) await rewrite.execute(tx);
			if (!before) return null;
			// What waits for the commit, now: then how many rows each kept table was given.
			await sql`set constraints all immediate`.execute(tx);
			const after = await inserted();
			return Object.fromEntries(kept.map((t) => [t, (after.get(t) ?? 0) - (before.get(t) ?? 0)]));
		});
		expect(await rows()).toEqual(before);
		if (written)
			for (const [table, found] of Object.entries(before))
				// Recounted once a key, each row is written once; recounted once a row changed, a
				// team's rows are written again for each of its hundreds of rows.
				expect(
					written[table] ?? 0,
					`${table}: rows written in the transaction`
				).toBeLessThanOrEqual(found.length);
		const pending = await db.selectFrom('kept_recounts_pending').select('txid').execute();
		expect(pending, 'nothing waits once the transaction is over').toEqual([]);
	});
});
