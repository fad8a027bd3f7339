import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newEvidence, testDatabases } from '../db/testing';
import { getFramework } from '../framework';
import { setMapping, submitEvidence } from '../portfolio/evidence';
import { teamCoverage } from './coverage';
import { parseFilters } from './filters';
import { newAcceptedEvidence, newTeam } from './testing';

const framework = getFramework()!;

describe.each(testDatabases())('outcome coverage at scale on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	/** accepted_outcomes as the triggers keep it, and as counted the slow way from every row. */
	async function pairs(owner: string) {
		const kept = await db
			.selectFrom('accepted_outcomes')
			.select(['outcome_id', 'latest_on'])
			.where('owner_id', '=', owner)
			.orderBy('outcome_id')
			.execute();
		const counted = await db
			.selectFrom('evidence_outcomes')
			.select(['outcome_id', sql<string>`max(accepted_on)`.as('latest_on')])
			.where('owner_id', '=', owner)
			.where('accepted_on', 'is not', null)
			.groupBy('outcome_id')
			.orderBy('outcome_id')
			.execute();
		expect(kept, 'the kept pairs agree with every row').toEqual(counted);
		return Object.fromEntries(kept.map((p) => [p.outcome_id, p.latest_on]));
	}

	it('keeps one row a practitioner and outcome with accepted evidence, whatever writes the evidence', async () => {
		const t = await newTeam(db, 1);
		const [p] = t.people;
		const first = await newAcceptedEvidence(db, p, t.manager, '2.3', '2026-10-01');
		expect(await pairs(p)).toEqual({ '2.3': '2026-10-01' });
		const second = await newAcceptedEvidence(db, p, t.manager, '2.3', '2026-10-05');
		await newAcceptedEvidence(db, p, t.manager, '3.1', '2026-09-01');
		expect(await pairs(p)).toEqual({ '2.3': '2026-10-05', '3.1': '2026-09-01' });

		// Submitted, not yet accepted: not counted.
		const submitted = await newEvidence(db, p, { activityDate: '2026-11-01' });
		await setMapping(db, p, submitted, 1, {
			frameworkVersion: 'pqs-2025',
			outcomes: ['1.1', '2.3'],
			statements: []
		});
		await submitEvidence(db, p, submitted, 2, false);
		expect(await pairs(p)).toEqual({ '2.3': '2026-10-05', '3.1': '2026-09-01' });

		// A record's date moved, and its outcomes gone: the latest and the pairs follow.
		await db
			.updateTable('evidence')
			.set({ activity_date: '2026-08-01' })
			.where('id', '=', second)
			.execute();
		expect(await pairs(p)).toEqual({ '2.3': '2026-10-01', '3.1': '2026-09-01' });
		await db.deleteFrom('evidence_outcomes').where('evidence_id', '=', first).execute();
		expect(await pairs(p)).toEqual({ '2.3': '2026-08-01', '3.1': '2026-09-01' });
		await db.deleteFrom('evidence_outcomes').where('evidence_id', '=', second).execute();
		expect(await pairs(p)).toEqual({ '3.1': '2026-09-01' });
	});

	it('counts a page of teams as it counts them all', async () => {
		const teams = [await newTeam(db, 2), await newTeam(db, 3), await newTeam(db, 1)];
		for (const [i, t] of teams.entries())
			await newAcceptedEvidence(db, t.people[0], t.manager, '4.2', `2026-0${i + 1}-10`);
		const filters = parseFilters(new URLSearchParams());
		const whole = await teamCoverage(db, framework, filters, '2026-11-25');
		expect(whole.paging).toBeUndefined();
		const ours = new Set<string>(teams.map((t) => t.id));
		const paged = [];
		for (let page = 1; page <= whole.rows.length; page++) {
			const one = await teamCoverage(db, framework, filters, '2026-11-25', { page, size: 1 });
			expect(one.paging).toMatchObject({
				page,
				pages: whole.rows.length,
				total: whole.rows.length
			});
			paged.push(...one.rows);
		}
		expect(paged).toEqual(whole.rows);
		const shares = whole.rows
			.filter((r) => ours.has(String(r.teamId)))
			.map((r) => r['evidence:4.2']);
		expect(shares.sort()).toEqual([100, 33, 50].sort());
	});
});
