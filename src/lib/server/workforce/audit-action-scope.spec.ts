import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { testDatabases } from '../db/testing';
import { createTeam } from '../people/teams';
import { addAction } from '../audit/actions';
import { allAreas, finaliseTestAudit, newAudit, type TestAudit } from '../audit/testing';
import { overdueActions } from './audit-follow-up';
import { parseFilters } from './filters';

// What each audit action keeps of its audit (status, day audited, team; migration 2026-12-10-05)
// is its audit's after every kind of change, and the overdue actions the analysis lists from it
// are those found by looking up each action's audit.

describe.each(testDatabases())('what audit actions keep of their audits on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	/** Actions whose kept scope differs from their audit's: none, whatever has changed. */
	const differing = () =>
		db
			.selectFrom('audit_actions as x')
			.innerJoin('audits as a', 'a.id', 'x.audit_id')
			.select(['x.id', 'x.audit_status', 'x.audited_on', 'x.audit_team_id'])
			.where(
				sql<boolean>`(x.audit_status is distinct from a.status or x.audited_on is distinct from a.audited_on or x.audit_team_id is distinct from a.team_id)`
			)
			.execute();

	const action = (a: TestAudit, dueOn: string) =>
		addAction(db, a.auditor, a.id, {
			description: 'Plan reviewed.',
			ownerId: a.practitioner,
			dueOn
		});

	it('follow their audit as it is written, finalised, reopened, moved in time and between teams', async () => {
		const a = await newAudit(db, '2026-03-10', allAreas('requires-improvement'));
		const moved = await action(a, '2026-04-01');
		await action(a, '2026-05-01');
		const kept = async () =>
			db
				.selectFrom('audit_actions')
				.select(['audit_status', 'audited_on', 'audit_team_id'])
				.where('id', '=', moved)
				.executeTakeFirstOrThrow();
		expect(await kept()).toEqual({
			audit_status: 'draft',
			audited_on: '2026-03-10',
			audit_team_id: a.team
		});
		await finaliseTestAudit(db, a, '2026-03-11');
		expect((await kept()).audit_status).toBe('finalised');
		expect(await differing()).toEqual([]);
		const team = await createTeam(db, null, 'Another team', a.manager);
		for (const change of [
			{ audited_on: '2026-02-27' },
			{ team_id: team },
			{ team_id: null },
			{ status: 'draft' as const },
			{ status: 'finalised' as const }
		]) {
			await db.updateTable('audits').set(change).where('id', '=', a.id).execute();
			expect(await differing(), JSON.stringify(change)).toEqual([]);
		}
		// An action moved to another audit takes that audit's.
		const b = await newAudit(db, '2026-07-01');
		await db.updateTable('audit_actions').set({ audit_id: b.id }).where('id', '=', moved).execute();
		expect(await kept()).toEqual({
			audit_status: 'draft',
			audited_on: '2026-07-01',
			audit_team_id: b.team
		});
		expect(await differing()).toEqual([]);
	});

	it('list the overdue actions of the period’s audits, as looking up each action’s audit does', async () => {
		// An earlier audit's actions, overdue first: passed over, not listed.
		const before = await newAudit(db, '2025-01-10');
		for (const due of ['2025-02-01', '2025-03-01']) await action(before, due);
		await finaliseTestAudit(db, before, '2025-01-11');
		const inPeriod = await newAudit(db, '2025-09-15');
		await action(inPeriod, '2025-10-01');
		await finaliseTestAudit(db, inPeriod, '2025-09-16');
		const draft = await newAudit(db, '2025-09-20');
		await action(draft, '2025-10-02');
		const filters = parseFilters(new URLSearchParams({ period: 'all' }));
		const listed = async (over: Partial<typeof filters>, since: string) =>
			(
				await overdueActions(db, { filters: { ...filters, ...over }, since }, '2025-11-01')
			).rows.map((r) => [r.auditId, r.dueOn]);
		expect(await listed({}, '2025-06-01')).toEqual([[inPeriod.id, '2025-10-01']]);
		expect(await listed({ teamId: inPeriod.team }, '2025-06-01')).toEqual([
			[inPeriod.id, '2025-10-01']
		]);
		expect(await listed({ teamId: before.team }, '2025-06-01')).toEqual([]);
		// Moved into the period: its actions follow it.
		await db
			.updateTable('audits')
			.set({ audited_on: '2025-08-01' })
			.where('id', '=', before.id)
			.execute();
		expect((await listed({}, '2025-06-01')).map(([id]) => id)).toEqual([
			before.id,
			before.id,
			inPeriod.id
		]);
	});
});
