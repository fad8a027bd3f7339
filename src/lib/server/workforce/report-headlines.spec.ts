import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { testDatabases } from '../db/testing';
import { addAction } from '../audit/actions';
import { allAreas, finaliseTestAudit, newAudit } from '../audit/testing';
import { parseFilters } from './filters';
import { headlines } from './report-headlines';

// The quarterly report's headline audit and action figures, each quarter's its own: both
// quarters are read at once.

describe.each(testDatabases())('the report’s headline figures on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	async function audit(when: string, grade: 'good' | 'inadequate', actionsDue: string[]) {
		const a = await newAudit(db, when, allAreas(grade));
		for (const dueOn of actionsDue)
			await addAction(db, a.auditor, a.id, {
				description: 'Plan reviewed.',
				ownerId: a.practitioner,
				dueOn
			});
		await finaliseTestAudit(db, a, when);
		return a;
	}

	it('count each quarter’s audits and their actions apart, for everyone and for a team', async () => {
		await audit('2026-08-10', 'good', ['2026-12-01']);
		const inadequate = await audit('2026-09-20', 'inadequate', ['2026-10-01', '2026-12-31']);
		await audit('2026-10-05', 'good', []);
		const table = async (teamId?: string) => {
			const filters = { ...parseFilters(new URLSearchParams()), teamId };
			const { rows } = await headlines(db, filters, '2026-Q4', '2026-Q3', '2026-11-25');
			return (measure: string) => {
				const row = rows.find((r) => r.measure === measure)!;
				return [row.thisQuarter, row.lastQuarter];
			};
		};
		const all = await table();
		expect(all('Case audits finalised')).toEqual([1, 2]);
		expect(all('Inadequate')).toEqual([0, 1]);
		expect(all('Good or better (%)')).toEqual([100, 50]);
		expect(all('Audit actions agreed')).toEqual([0, 3]);
		// Due 1 October, still open on 25 November.
		expect(all('Of those, overdue today')).toEqual([0, 1]);
		const team = await table(inadequate.team);
		expect(team('Case audits finalised')).toEqual([0, 1]);
		expect(team('Audit actions agreed')).toEqual([0, 2]);
	});
});
