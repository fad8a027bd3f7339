import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { newUser, testDatabases } from '../db/testing';
import { createTeam } from '../people/teams';
import { isPractitioner, parseFilters, practitioners, type WorkforceFilters } from './filters';
import { isWorkforceView } from './index';

// The workforce filters' practitioners, as a subquery and as a condition on a person's row: the
// people each filter means (active, with the practitioner's role), the same either way.

describe.each(testDatabases())('the practitioners the filters select on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	it('are those each filter means, whether asked as a subquery or as a condition on the person', async () => {
		const manager = await newUser(db, { roles: ['supervisor'] });
		const [a, b] = [
			await createTeam(db, null, 'A', manager),
			await createTeam(db, null, 'B', manager)
		];
		const asye = await newUser(db, { teamId: a, careerStage: 'asye' });
		const enrolled = await newUser(db, { teamId: b, careerStage: 'asye' });
		const qualified = await newUser(db, { teamId: b, careerStage: 'social-worker' });
		await newUser(db, { teamId: a, careerStage: 'asye', active: false });
		await newUser(db, { teamId: a, roles: ['auditor'] });
		await db
			.insertInto('enrolments')
			.values({
				id: newId(),
				user_id: enrolled,
				programme: 'asye',
				starts_on: '2026-09-01',
				fte_percent: 100,
				created_at: '2026-09-01T09:00:00.000Z'
			})
			.execute();
		const asSubquery = async (filters: WorkforceFilters) =>
			(await practitioners(db, filters).execute()).map((r) => r.id).sort();
		const asCondition = async (filters: WorkforceFilters) =>
			(await db.selectFrom('users').select('users.id').where(isPractitioner(filters)).execute())
				.map((r) => r.id)
				.sort();
		const all = { period: 'all' } as WorkforceFilters;
		const expected: [WorkforceFilters, string[]][] = [
			[all, [asye, enrolled, qualified]],
			[{ ...all, teamId: a }, [asye]],
			[{ ...all, teamId: b }, [enrolled, qualified]],
			[{ ...all, stage: 'asye' as const }, [asye, enrolled]],
			[{ ...all, programme: 'asye' }, [enrolled]],
			[{ ...all, teamId: a, stage: 'asye' as const }, [asye]]
		];
		for (const [filters, ids] of expected) {
			expect(await asCondition(filters), JSON.stringify(filters)).toEqual(
				await asSubquery(filters)
			);
			expect(await asSubquery(filters), JSON.stringify(filters)).toEqual([...ids].sort());
		}
		expect(await asCondition({ ...all, programme: 'asye' })).toEqual([enrolled]);
		expect(await asCondition({ ...all, teamId: a })).toEqual([asye]);
	});
});

describe('the filters read from a query string', () => {
	it('take a period the pages offer, and any other, an inherited name too, as the default', () => {
		expect(parseFilters(new URLSearchParams('period=12m')).period).toBe('12m');
		for (const period of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '5y', ''])
			expect(parseFilters(new URLSearchParams({ period }), 'all').period, period).toBe('all');
	});
});

describe('a workforce view named in an address', () => {
	it('is one of the views, never a name every object inherits', () => {
		expect(isWorkforceView('audits')).toBe(true);
		for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'audit', ''])
			expect(isWorkforceView(name), name).toBe(false);
	});
});
