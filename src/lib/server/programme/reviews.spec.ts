import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newEnrolment, newUser, testDatabases } from '../db/testing';
import {
	countersignReview,
	getProgrammeReview,
	recordPanelDecision,
	recordProgrammeReview
} from './reviews';

describe.each(testDatabases())(
	'the final review, countersignature and panel on $name',
	(database) => {
		let db: Db;
		let close: () => Promise<void>;
		beforeAll(async () => ({ db, close } = await database.open()));
		afterAll(() => close());

		it('is recorded once, countersigned by a second person, then decided by the panel', async () => {
			const [practitioner, supervisor, psw] = [
				await newUser(db),
				await newUser(db, { roles: ['supervisor'] }),
				await newUser(db, { roles: ['psw'] })
			];
			const enrolment = await newEnrolment(db, practitioner, '2025-09-01');
			const input = {
				progress: { '1': 'Good' },
				strengths: 'Many',
				areasToDevelop: 'Some',
				practitionerComments: '',
				recommendation: 'pass'
			};
			const id = await recordProgrammeReview(db, supervisor, enrolment, 'final', input);
			await expect(
				recordProgrammeReview(db, supervisor, enrolment, 'final', input)
			).rejects.toThrow('already been recorded');

			await expect(recordPanelDecision(db, psw, id, 'agree', '')).rejects.toThrow(
				'must be countersigned'
			);
			await expect(countersignReview(db, supervisor, id)).rejects.toThrow('second person');
			await countersignReview(db, psw, id);
			await expect(recordPanelDecision(db, psw, id, 'refer-back', ' ')).rejects.toThrow(
				'Write why'
			);
			await recordPanelDecision(
				db,
				psw,
				id,
				'refer-back',
				'More evidence of direct work with children.'
			);
			await expect(recordPanelDecision(db, psw, id, 'agree', '')).rejects.toThrow(
				'already decided'
			);
			expect(await getProgrammeReview(db, enrolment, 'final')).toMatchObject({
				countersigned_by: psw,
				panel_decision: 'refer-back',
				panel_reasons: 'More evidence of direct work with children.',
				progress: { '1': 'Good' }
			});
		});
	}
);
