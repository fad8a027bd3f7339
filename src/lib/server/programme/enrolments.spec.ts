import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { queryPlan, testDatabases } from '../db/testing';
import { calendarInputQueries } from './enrolments';

// What changes enrolments' calendars is read on every page that shows a programme or a schedule,
// and kept for every enrolment there has been: each kind is found by index, for a few enrolments
// as for a cohort.

describe('what changes enrolments’ calendars, on SQLite', () => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await testDatabases()[0].open()));
	afterAll(() => close());

	it.each(Object.entries(calendarInputQueries))(
		'reads %s by index, not every one there is',
		async (kind, query) => {
			const plan = await queryPlan(db, query(db, ['enrolment-1', 'enrolment-2']));
			expect(plan.filter((step) => /^SCAN enrolment_/.test(step))).toEqual([]);
			expect(plan.some((step) => step.startsWith(`SEARCH enrolment_${kind}`))).toBe(true);
		}
	);
});
