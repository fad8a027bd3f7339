import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newEnrolment, newUser, testDatabases } from '../db/testing';
import {
	createAgreement,
	getAgreement,
	protectedTimeSummary,
	recordProtectedTime,
	signAgreement
} from './agreement';

describe.each(testDatabases())('the agreement and protected time on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	it('is signed once each by the practitioner, the supervisor and a third person as assessor', async () => {
		const [practitioner, supervisor, assessor] = [
			await newUser(db),
			await newUser(db, { roles: ['supervisor'] }),
			await newUser(db, { roles: ['supervisor'] })
		];
		const enrolment = await newEnrolment(db, practitioner, '2026-09-07');
		await expect(createAgreement(db, supervisor, enrolment, ' ')).rejects.toThrow(
			'Write the terms'
		);
		await createAgreement(
			db,
			supervisor,
			enrolment,
			'Protected caseload; fortnightly supervision.'
		);
		await signAgreement(
			db,
			{ id: supervisor, practitioner: false, supervisor: true },
			enrolment,
			'supervisor'
		);
		await expect(
			signAgreement(
				db,
				{ id: supervisor, practitioner: false, supervisor: true },
				enrolment,
				'assessor'
			)
		).rejects.toThrow('third person');
		await expect(
			signAgreement(
				db,
				{ id: assessor, practitioner: false, supervisor: false },
				enrolment,
				'practitioner'
			)
		).rejects.toThrow();
		await signAgreement(
			db,
			{ id: practitioner, practitioner: true, supervisor: false },
			enrolment,
			'practitioner'
		);
		await signAgreement(
			db,
			{ id: assessor, practitioner: false, supervisor: false },
			enrolment,
			'assessor'
		);
		const agreement = await getAgreement(db, enrolment);
		expect(
			[
				agreement?.practitioner_signed_at,
				agreement?.supervisor_signed_at,
				agreement?.assessor_signed_at
			].every(Boolean)
		).toBe(true);

		// Ten weeks at 0.5 of full time: 10 x 37 hours x 0.5 x 10% = 18.5 hours due.
		await recordProtectedTime(db, practitioner, enrolment, {
			takenOn: '2026-10-01',
			minutes: 180,
			activity: 'Reading on neglect'
		});
		const summary = await protectedTimeSummary(db, enrolment, '2026-09-07', 0.5, 10, '2026-11-16');
		expect(summary).toMatchObject({ recordedMinutes: 180, dueMinutes: 18.5 * 60 });
	});
});
