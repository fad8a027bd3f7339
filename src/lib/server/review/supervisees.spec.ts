import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newEnrolment, newUser, testDatabases } from '../db/testing';
import { assignRelationship } from '../people/relationships';
import { programmeFor } from '../programme';
import { programmeMonth } from '../programme/month';
import { superviseeSummaries } from './supervisees';

const today = '2027-01-20';

describe.each(testDatabases())('a supervisor’s list of supervisees on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	it('each person’s programme month and next review, read for everyone at once, as each person’s own programme says', async () => {
		const supervisor = await newUser(db, { roles: ['supervisor'] });
		const [started, restarted, notEnrolled] = [
			await newUser(db, { name: 'A' }),
			await newUser(db, { name: 'B' }),
			await newUser(db, { name: 'C' })
		];
		await newEnrolment(db, started, '2026-09-01');
		// On two programmes at once: the latest to start is the one shown.
		await newEnrolment(db, restarted, '2025-10-01', 'early-career');
		await newEnrolment(db, restarted, '2026-12-01');
		for (const practitionerId of [started, restarted, notEnrolled])
			await assignRelationship(db, null, {
				kind: 'practice-supervisor',
				holderId: supervisor,
				practitionerId,
				startsOn: '2025-06-01'
			});

		const rows = await superviseeSummaries(db, supervisor, ['practice-supervisor'], '2025', today);
		const row = (id: string) => rows.find((r) => r.id === id)!;
		expect(rows).toHaveLength(3);
		for (const [id, startsOn] of [
			[started, '2026-09-01'],
			[restarted, '2026-12-01']
		]) {
			expect(row(id).programme).toEqual({
				programme: 'asye',
				month: programmeMonth(startsOn, today),
				startsOn
			});
			const own = await programmeFor(db, id, today);
			const next = own!.reviews.find((r) => r.state !== 'done' && r.state !== 'optional');
			expect(next).toBeDefined();
			expect(row(id).nextReview).toEqual(next);
		}
		expect(row(restarted).nextReview?.dueOn).not.toEqual(row(started).nextReview?.dueOn);
		expect(row(notEnrolled).programme).toBeNull();
		expect(row(notEnrolled).nextReview).toBeNull();
	});
});
