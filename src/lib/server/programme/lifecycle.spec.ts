import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { eventsFor } from '../db/events';
import { newUser, testDatabases } from '../db/testing';
import { FieldError } from '../errors';
import { enrolmentProgramme, programmeDefinitionFor, programmeFor } from '.';
import { currentAssessor } from './assessor';
import { enrol } from './enrol';
import { enrolmentsOf } from './enrolments';
import {
	changeHours,
	endEnrolment,
	extendEnrolment,
	pauseEnrolment,
	resumeEnrolment,
	transferAssessor
} from './lifecycle';

describe.each(testDatabases())('enrolment and its lifecycle on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	async function people() {
		return {
			admin: await newUser(db, { roles: ['admin'] }),
			starter: await newUser(db, { name: 'Nell Starter' }),
			assessor: await newUser(db, { name: 'Sam Assessor', roles: ['supervisor'] }),
			other: await newUser(db, { name: 'Ola Other', roles: ['supervisor'] })
		};
	}
	const asyeAt60 = (personId: string, assessorId: string) => ({
		personId,
		programme: 'asye',
		startsOn: '2026-12-01',
		ftePercent: 60,
		assessorId
	});
	const field = (promise: Promise<unknown>) =>
		promise.then(
			() => 'no error',
			(e: unknown) => (e instanceof FieldError ? `${e.field}: ${e.message}` : String(e))
		);

	it('enrols once per programme, with hours and assessor, and refuses a second', async () => {
		const { admin, starter, assessor } = await people();
		const input = asyeAt60(starter, assessor);
		const id = await enrol(db, admin, input);
		await expect(enrol(db, admin, input)).rejects.toMatchObject({
			field: 'programme',
			status: 409
		});
		// Two at once: one wins, the other is refused by the check or the database's index.
		const other = await newUser(db);
		const both = await Promise.allSettled([
			enrol(db, admin, { ...input, personId: other }),
			enrol(db, admin, { ...input, personId: other })
		]);
		expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
		expect(
			(both.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason
		).toMatchObject({ field: 'programme', status: 409 });

		const programme = (await programmeFor(db, starter, '2026-12-01'))!;
		expect(programme.enrolmentId).toBe(id);
		// Its definition alone, as the content has it, without the calendar.
		expect(await programmeDefinitionFor(db, starter)).toBe(programme.programme);
		expect(programme.fte).toBe(0.6);
		expect(programme.reviews.map((r) => r.dueOn)).toEqual([
			'2027-05-01',
			'2027-10-01',
			'2028-03-01',
			'2028-08-01'
		]);
		expect((await currentAssessor(db, starter, '2026-12-01'))?.id).toBe(assessor);
		const events = await eventsFor(db, 'enrolment', id);
		expect(events.map((e) => e.action)).toEqual(['programme.enrolled']);
		expect(JSON.parse(events[0].detail!)).toMatchObject({
			ftePercent: 60,
			assessor: 'Sam Assessor'
		});
	});

	it('refuses what cannot be enrolled, by field', async () => {
		const { admin, starter, assessor } = await people();
		const input = asyeAt60(starter, assessor);
		expect(await field(enrol(db, admin, { ...input, programme: 'nope' }))).toBe(
			'programme: Choose a programme'
		);
		expect(await field(enrol(db, admin, { ...input, ftePercent: 5 }))).toMatch(/^ftePercent: /);
		expect(await field(enrol(db, admin, { ...input, assessorId: admin }))).toBe(
			'assessorId: Choose an assessor from the list'
		);
		expect(await field(enrol(db, admin, { ...input, personId: assessor }))).toMatch(/^personId: /);
		expect(await enrolmentsOf(db, starter)).toEqual([]);
	});

	it('changes hours, pauses and resumes, extends, transfers and ends, each logged', async () => {
		const { admin, starter, assessor, other } = await people();
		const id = await enrol(db, admin, {
			personId: starter,
			programme: 'asye',
			startsOn: '2026-09-01',
			ftePercent: 100,
			assessorId: assessor
		});
		await pauseEnrolment(db, admin, id, { startsOn: '2027-01-04', endsOn: null });
		expect(
			await field(pauseEnrolment(db, admin, id, { startsOn: '2027-02-04', endsOn: null }))
		).toMatch(/^pauseFrom: The programme is paused/);
		expect(await field(resumeEnrolment(db, admin, id, '2027-01-04'))).toMatch(/^resumeOn: /);
		// Still paused on 13 January: ten days so far.
		const paused = (await programmeFor(db, starter, '2027-01-13'))!;
		expect(paused.reviews[1].dueOn).toBe('2027-03-11');
		await resumeEnrolment(db, admin, id, '2027-02-01');
		expect(await field(changeHours(db, admin, id, { fromOn: '2026-08-01', ftePercent: 50 }))).toBe(
			'hoursFrom: The date must be on or after 1 September 2026, when the programme started'
		);
		await changeHours(db, admin, id, { fromOn: '2027-03-01', ftePercent: 50 });
		expect(
			await field(changeHours(db, admin, id, { fromOn: '2027-02-01', ftePercent: 80 }))
		).toMatch(/^hoursFrom: The date must be after the last change of hours, on 1 March 2027/);

		const resumed = (await programmeFor(db, starter, '2027-06-01'))!;
		// 28 days paused, then half time from 1 March (1 February in working time, with 5 months
		// done): the other 7 months take 14, and each date after the pause is 28 days later.
		expect(resumed.reviews.map((r) => r.dueOn)).toEqual([
			'2026-12-01',
			'2027-04-29',
			'2027-10-29',
			'2028-04-29'
		]);
		expect(resumed.fte).toBe(0.5);

		await extendEnrolment(db, admin, id, { months: 2, reason: 'time away from practice' });
		// Two months at half time is one more full-time month: two more months.
		expect((await programmeFor(db, starter, '2027-06-01'))!.endsOn).toBe('2028-06-29');

		expect(
			await field(transferAssessor(db, admin, id, { assessorId: starter, fromOn: '2027-04-01' }))
		).toBe('transferTo: Choose an assessor from the list');
		expect(
			await field(transferAssessor(db, admin, id, { assessorId: other, fromOn: '2026-09-01' }))
		).toBe(
			'transferTo: The current assessor started on 1 September 2026; the new one must start after that'
		);
		await transferAssessor(db, admin, id, { assessorId: other, fromOn: '2027-04-01' });
		expect((await currentAssessor(db, starter, '2027-04-01'))?.id).toBe(other);
		expect((await currentAssessor(db, starter, '2027-03-31'))?.id).toBe(assessor);

		await endEnrolment(db, admin, id, { ending: 'withdrawn', endedOn: '2027-05-01', note: '' });
		expect(await programmeFor(db, starter)).toBeUndefined();
		expect(await programmeDefinitionFor(db, starter)).toBeUndefined();
		// The assessor goes with it, the same day.
		expect((await currentAssessor(db, starter, '2027-04-30'))?.id).toBe(other);
		expect(await currentAssessor(db, starter, '2027-05-01')).toBeUndefined();
		expect((await eventsFor(db, 'user', starter)).map((e) => e.action)).toContain(
			'relationship.ended'
		);
		expect(
			await field(pauseEnrolment(db, admin, id, { startsOn: '2027-06-01', endsOn: null }))
		).toBe('form: This programme has ended: nothing more can change');
		const [ended] = await enrolmentsOf(db, starter);
		expect(ended).toMatchObject({ status: 'withdrawn', ended_on: '2027-05-01' });
		expect((await enrolmentProgramme(db, ended))?.status).toBe('withdrawn');

		const actions = (await eventsFor(db, 'enrolment', id)).map((e) => e.action).sort();
		expect(actions).toEqual(
			[
				'programme.enrolled',
				'programme.hours-changed',
				'programme.paused',
				'programme.resumed',
				'programme.extended',
				'programme.assessor-changed',
				'programme.ended'
			].sort()
		);

		// Ended, they may be enrolled again.
		await enrol(db, admin, {
			personId: starter,
			programme: 'asye',
			startsOn: '2027-09-01',
			ftePercent: 100,
			assessorId: other
		});
		expect((await programmeFor(db, starter))?.startsOn).toBe('2027-09-01');
		expect((await currentAssessor(db, starter, '2027-09-01'))?.id).toBe(other);
	});

	it('ends the assessor with the programme, and enrols again with the same assessor', async () => {
		const { admin, starter, assessor, other } = await people();
		// Withdrawn on the day it was to start: the assessor never held it.
		const planned = await enrol(db, admin, {
			...asyeAt60(starter, assessor),
			startsOn: '2027-01-04'
		});
		await endEnrolment(db, admin, planned, {
			ending: 'withdrawn',
			endedOn: '2027-01-04',
			note: ''
		});
		expect(await currentAssessor(db, starter, '2027-01-04')).toBeUndefined();
		// Enrolled again, earlier, with the same assessor: refused before ("already their assessor").
		const again = await enrol(db, admin, asyeAt60(starter, assessor));
		expect((await currentAssessor(db, starter, '2026-12-01'))?.id).toBe(assessor);
		expect((await currentAssessor(db, starter, '2027-02-01'))?.id).toBe(assessor);

		// A change of assessor planned after the end never happens.
		await transferAssessor(db, admin, again, { assessorId: other, fromOn: '2027-06-01' });
		await endEnrolment(db, admin, again, { ending: 'left', endedOn: '2027-03-01', note: '' });
		expect((await currentAssessor(db, starter, '2027-02-28'))?.id).toBe(assessor);
		expect(await currentAssessor(db, starter, '2027-03-01')).toBeUndefined();
		expect(await currentAssessor(db, starter, '2027-07-01')).toBeUndefined();
		// Back before the planned change would have begun, with the assessor it named.
		await enrol(db, admin, { ...asyeAt60(starter, other), startsOn: '2027-04-01' });
		expect((await currentAssessor(db, starter, '2027-04-01'))?.id).toBe(other);
		expect((await currentAssessor(db, starter, '2027-09-01'))?.id).toBe(other);
	});

	it('keeps the assessor while another programme of theirs goes on', async () => {
		const { admin, starter, assessor } = await people();
		const asye = await enrol(db, admin, asyeAt60(starter, assessor));
		await enrol(db, admin, { ...asyeAt60(starter, assessor), programme: 'early-career' });
		await endEnrolment(db, admin, asye, { ending: 'passed', endedOn: '2027-06-01', note: '' });
		expect((await currentAssessor(db, starter, '2027-06-01'))?.id).toBe(assessor);
	});
});
