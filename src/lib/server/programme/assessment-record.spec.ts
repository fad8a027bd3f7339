import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newEnrolment, newUser, testDatabases } from '../db/testing';
import { recordObservation } from '../observation/observations';
import { createEvidence, type EvidenceInput } from '../portfolio/evidence';
import { programmeFor } from '.';
import { assessmentRecord } from './assessment-record';
import { agreePlan, getPlan, savePlan } from './plans';
import { getReflection, saveReflection } from './reflections';
import { getProgrammeReview, recordProgrammeReview } from './reviews';

// The checklist counted from real records, on each database: what counts (observations since
// the start; accepted feedback since the start, submitted counted apart; plans once agreed;
// reflections once written), and the plans' and reflections' versions.

const feedback = (title: string, activityDate: string): EvidenceInput => ({
	title,
	activityDate,
	type: 'feedback-child-family',
	account: 'A mother told me what helped.',
	reflectionModel: 'free',
	reflection: { text: '' },
	cpdType: null,
	cpdRelevance: '',
	cpdLearning: '',
	cpdImpact: '',
	peerReflected: null,
	peerReflection: '',
	cpdMinutes: null
});

const observation = (observedOn: string) => ({
	observedOn,
	setting: 'Home visit',
	wentWell: 'Clear explanation of the visit.',
	toDevelop: 'Agree the next visit before leaving.',
	frameworkVersion: 'pqs-2025',
	outcomes: [],
	statements: []
});

const review = {
	progress: {},
	strengths: 'Warm and clear',
	areasToDevelop: 'Analysis',
	practitionerComments: '',
	recommendation: 'on-track'
};

describe.each(testDatabases())('the assessment record on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	async function withStatus(owner: string, input: EvidenceInput, status: string) {
		const id = await createEvidence(db, owner, input);
		await db
			.updateTable('evidence')
			.set({ status: status as 'accepted' })
			.where('id', '=', id)
			.execute();
	}

	/** The checklist on a day, as "requirement: status" for the items not yet met. */
	async function missing(practitioner: string, today: string) {
		const programme = (await programmeFor(db, practitioner, today))!;
		const record = await assessmentRecord(db, practitioner, programme);
		return record.checklist.map((i) => `${i.requirement}: ${i.state === 'met' ? '✓' : i.status}`);
	}

	it('counts only what the programme allows, from its first day', async () => {
		const [practitioner, assessor] = [
			await newUser(db),
			await newUser(db, { roles: ['supervisor'] })
		];
		const enrolment = await newEnrolment(db, practitioner, '2026-09-01');
		// Before the programme: counted for nothing.
		await recordObservation(db, assessor, practitioner, observation('2026-08-20'));
		await withStatus(practitioner, feedback('From placement', '2026-06-01'), 'accepted');
		// During it: two observations, one piece accepted, one awaiting review, one returned.
		await recordObservation(db, assessor, practitioner, observation('2026-10-05'));
		await recordObservation(db, assessor, practitioner, observation('2026-11-10'));
		await withStatus(practitioner, feedback('From a father', '2026-10-01'), 'accepted');
		await withStatus(practitioner, feedback('From a girl of 9', '2026-11-01'), 'submitted');
		await withStatus(practitioner, feedback('From a mother', '2026-11-02'), 'returned');
		await savePlan(db, practitioner, enrolment, 'initial', 0, {
			goals: 'Direct work',
			actions: 'Shadow'
		});
		await agreePlan(db, assessor, enrolment, 'initial', 1);
		await saveReflection(db, practitioner, enrolment, 'month-3', 0, 'What I learnt so far.');
		await recordProgrammeReview(db, assessor, enrolment, 'month-3', review);
		await savePlan(db, practitioner, enrolment, 'month-3', 0, {
			goals: 'Analysis',
			actions: 'Read'
		});

		expect(await missing(practitioner, '2026-12-15')).toEqual([
			'3 direct observations of practice: 2 of 3 direct observations of practice',
			'2 pieces of feedback from people who use services: 1 of 2 pieces of feedback from people who use services; 1 more awaits review',
			'Initial development plan: ✓',
			'Development plan after the 3-month review: Written, not yet agreed',
			'Development plan after the 6-month review: Due after the 6-month review',
			'Critical reflection for the 3-month review: ✓',
			'Critical reflection for the 6-month review: Due by the 6-month review',
			'Critical reflection for the final review: Due by the final review'
		]);

		await agreePlan(db, assessor, enrolment, 'month-3', 1);
		await recordObservation(db, assessor, practitioner, observation('2026-12-01'));
		await db
			.updateTable('evidence')
			.set({ status: 'accepted' })
			.where('status', '=', 'submitted')
			.execute();
		const after = await missing(practitioner, '2026-12-15');
		expect(after.slice(0, 4)).toEqual([
			'3 direct observations of practice: ✓',
			'2 pieces of feedback from people who use services: ✓',
			'Initial development plan: ✓',
			'Development plan after the 3-month review: ✓'
		]);
	});

	it('refuses a save or an agreement of a version other than the one opened, and keeps an agreed plan', async () => {
		const [practitioner, assessor] = [
			await newUser(db),
			await newUser(db, { roles: ['supervisor'] })
		];
		const enrolment = await newEnrolment(db, practitioner, '2026-09-01');
		const plan = { goals: 'Confident in core groups', actions: 'Observe two chaired by seniors' };
		await expect(agreePlan(db, assessor, enrolment, 'initial', 0)).rejects.toThrow(
			'not been written yet'
		);
		await savePlan(db, practitioner, enrolment, 'initial', 0, plan);
		// Two people open version 1; the assessor saves first.
		await savePlan(db, assessor, enrolment, 'initial', 1, { ...plan, actions: 'And one by me' });
		await expect(savePlan(db, practitioner, enrolment, 'initial', 1, plan)).rejects.toMatchObject({
			status: 409,
			message: expect.stringContaining('changed by someone else')
		});
		await expect(savePlan(db, practitioner, enrolment, 'initial', 0, plan)).rejects.toMatchObject({
			status: 409
		});
		await expect(agreePlan(db, assessor, enrolment, 'initial', 1)).rejects.toThrow(
			'changed after you opened it'
		);
		await agreePlan(db, assessor, enrolment, 'initial', 2);
		await expect(savePlan(db, assessor, enrolment, 'initial', 2, plan)).rejects.toThrow(
			'agreed and can no longer be changed'
		);
		await expect(agreePlan(db, assessor, enrolment, 'initial', 2)).rejects.toThrow('agreed');
		expect(await getPlan(db, enrolment, 'initial')).toMatchObject({
			actions: 'And one by me',
			version: 2,
			agreed_by: assessor
		});
	});

	it('records whether the review was given the reflection, and then keeps it as the review saw it', async () => {
		const [practitioner, assessor] = [
			await newUser(db),
			await newUser(db, { roles: ['supervisor'] })
		];
		const enrolment = await newEnrolment(db, practitioner, '2026-09-01');
		await saveReflection(db, practitioner, enrolment, 'month-3', 0, 'First thoughts');
		await saveReflection(db, practitioner, enrolment, 'month-3', 1, 'Second thoughts');
		await expect(
			saveReflection(db, practitioner, enrolment, 'month-3', 1, 'From an old tab')
		).rejects.toMatchObject({ status: 409 });
		await recordProgrammeReview(db, assessor, enrolment, 'month-3', review);
		expect((await getProgrammeReview(db, enrolment, 'month-3'))?.reflection_given).toBe(1);
		await expect(
			saveReflection(db, practitioner, enrolment, 'month-3', 2, 'Rewritten later')
		).rejects.toThrow('kept as the review saw it');

		// A review held without one: it says so, and one written afterwards can still change.
		await recordProgrammeReview(db, assessor, enrolment, 'month-6', review);
		expect((await getProgrammeReview(db, enrolment, 'month-6'))?.reflection_given).toBe(0);
		await saveReflection(db, practitioner, enrolment, 'month-6', 0, 'Written late');
		await saveReflection(db, practitioner, enrolment, 'month-6', 1, 'Written late, then changed');
		expect(await getReflection(db, enrolment, 'month-6')).toMatchObject({ version: 2 });
		expect(await getReflection(db, enrolment, 'month-3')).toMatchObject({
			reflection: 'Second thoughts'
		});
	});
});
