import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newEnrolment, newUser, testDatabases } from '../db/testing';
import { assignSupervisor } from '../people/relationships';
import { sendReviewReminders } from './reminders';

describe.each(testDatabases())('review reminders on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	it('tells both people when a review is due within 14 days and again when overdue, once each', async () => {
		const practitioner = await newUser(db, { name: 'Pat', email: 'pat.reminders@test.example' });
		const supervisor = await newUser(db, {
			roles: ['supervisor'],
			name: 'Sam',
			email: 'sam.reminders@test.example'
		});
		await assignSupervisor(db, null, {
			supervisorId: supervisor,
			superviseeId: practitioner,
			startsOn: '2026-01-01'
		});
		await newEnrolment(db, practitioner, '2026-09-01');
		const subjects = async () =>
			(
				await db
					.selectFrom('outbox')
					.select(['recipient', 'subject'])
					.orderBy('created_at')
					.execute()
			).map((m) => `${m.recipient}: ${m.subject}`);

		// The 3-month review is due on 1 December 2026.
		expect(await sendReviewReminders(db, 'http://localhost', '2026-11-10')).toBe(0);
		expect(await sendReviewReminders(db, 'http://localhost', '2026-11-20')).toBe(1);
		expect(await sendReviewReminders(db, 'http://localhost', '2026-11-21')).toBe(0);
		expect(await sendReviewReminders(db, 'http://localhost', '2026-12-02')).toBe(1);
		expect((await subjects()).sort()).toEqual(
			[
				'pat.reminders@test.example: 3-month review due soon',
				'sam.reminders@test.example: Pat: 3-month review due soon',
				'pat.reminders@test.example: 3-month review overdue',
				'sam.reminders@test.example: Pat: 3-month review overdue'
			].sort()
		);
	});
});
