import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newEnrolment, newUser, testDatabases } from '../db/testing';
import { getFramework, outcomesOf } from '../framework';
import { seedDemoAuthority } from '../demo/seed';
import { homeFor } from '../home';
import { createTeam } from '../people/teams';
import { extendProgramme } from '../programme/agreement';
import { changeHours, endEnrolment, pauseEnrolment } from '../programme/lifecycle';
import { recordProgrammeReview } from '../programme/reviews';
import { earlyCareerProgress, idsSentUpTo } from './progress';

// Who counts as on a programme, for the principal social worker's home page and
// /workforce/progress, on 1 October 2027: one person for each way of being on one (or not).

const framework = getFramework()!;
const outcomes = outcomesOf(framework).length;
const today = '2027-10-01';
const review = {
	progress: {},
	strengths: 'Clear',
	areasToDevelop: 'None',
	practitionerComments: '',
	recommendation: 'on-track'
};

describe.each(testDatabases())('who is on a programme, on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	async function authority() {
		const admin = await newUser(db, { roles: ['admin', 'psw'] });
		const teamId = await createTeam(db, admin, 'Trajectory team', null);
		const person = (name: string, active = true) => newUser(db, { name, teamId, active });
		const enrolled = async (name: string, startsOn: string, programme = 'asye') =>
			newEnrolment(db, await person(name), startsOn, programme);

		// Full time from 1 September 2026: the final review was due on 1 September 2027 and is
		// not recorded, so still on it in month 14.
		await enrolled('Ava Overdue', '2026-09-01');
		// At 0.6 of full time from 1 September 2026: 20 months, to 1 May 2028.
		const ben = await enrolled('Ben Parttime', '2026-09-01');
		await db.updateTable('enrolments').set({ fte_percent: 60 }).where('id', '=', ben).execute();
		// The two-year programme from 1 January 2026, in month 22.
		await enrolled('Cal Twoyear', '2026-01-01', 'early-career');
		// Extended by three months: to 1 December 2027.
		const dee = await enrolled('Dee Extended', '2026-09-01');
		await extendProgramme(db, admin, dee, 3, 'time away from practice');
		// Paused from 1 March 2027 and not back: three months into the programme, and stays there.
		const eve = await enrolled('Eve Paused', '2026-12-01');
		await recordProgrammeReview(db, admin, eve, 'month-3', review);
		await pauseEnrolment(db, admin, eve, { startsOn: '2027-03-01', endsOn: null });
		// Half time from 1 March 2027, after six months full time: seven months in by 1 May.
		const flo = await enrolled('Flo Halftime', '2026-09-01');
		await changeHours(db, admin, flo, { fromOn: '2027-03-01', ftePercent: 50 });
		// Finished: the final review recorded.
		const gus = await enrolled('Gus Finished', '2026-09-01');
		await recordProgrammeReview(db, admin, gus, 'final', { ...review, recommendation: 'pass' });
		// Withdrawn in May, a month into an ASYE that began in April.
		const hal = await enrolled('Hal Withdrawn', '2027-04-01');
		await endEnrolment(db, admin, hal, { ending: 'withdrawn', endedOn: '2027-05-01', note: '' });
		// Starts next month.
		await enrolled('Ida Later', '2027-11-01');
		// Deactivated, with an enrolment still active.
		const ivy = await person('Ivy Gone', false);
		await newEnrolment(db, ivy, '2027-01-01');
		// Left an ASYE in 2026 and began another in May 2027: one person, once.
		const jo = await enrolled('Jo Again', '2026-01-01');
		await endEnrolment(db, admin, jo, { ending: 'left', endedOn: '2026-06-01', note: '' });
		const joId = (await db
			.selectFrom('enrolments')
			.select('user_id')
			.where('id', '=', jo)
			.executeTakeFirstOrThrow())!.user_id;
		await newEnrolment(db, joId, '2027-05-01');
		return { admin, teamId };
	}

	it('counts everyone on a programme whatever its length, hours, pauses or extensions', async () => {
		const { admin, teamId } = await authority();
		const onProgramme = [
			'Ava Overdue',
			'Ben Parttime',
			'Cal Twoyear',
			'Dee Extended',
			'Eve Paused',
			'Flo Halftime',
			'Jo Again'
		];
		const table = await earlyCareerProgress(db, framework, { teamId, period: 'all' }, today);
		const rows = new Map(table.rows.map((r) => [r.name, r]));
		expect([...rows.keys()].sort()).toEqual(onProgramme);

		const home = await homeFor(
			db,
			{
				id: admin,
				email: '',
				name: '',
				roles: ['psw'],
				teamId: null,
				careerStage: null,
				registered: false
			},
			today
		);
		expect(home.psw?.onProgramme).toEqual({
			people: 7,
			byProgramme: [
				{ title: 'Assessed and Supported Year in Employment (ASYE)', count: 6 },
				{ title: 'Early career programme', count: 1 }
			]
		});

		// Expected by now follows the programme's months reached, not the days gone by.
		const expected = (name: string) => rows.get(name)!.expectedSignedOff;
		// All of them: the final review's date has passed.
		expect(expected('Ava Overdue')).toBe(outcomes);
		// 13 months at 0.6 is 7.8 of the ASYE's months: a tenth at 6, four tenths at 9.
		expect(expected('Ben Parttime')).toBe(Math.floor(outcomes * (0.1 + 0.3 * (1.8 / 3))));
		// Month 21 of 24: six tenths at 18, all at 24.
		expect(expected('Cal Twoyear')).toBe(Math.floor(outcomes * 0.8));
		// 13 months of 15 is 10.4 of the ASYE's 12.
		expect(expected('Dee Extended')).toBe(Math.floor(outcomes * (0.4 + 0.6 * (1.4 / 3))));
		// Paused at month 3, when none are expected yet: on track, however long the pause.
		expect(expected('Eve Paused')).toBe(0);
		expect(rows.get('Eve Paused')).toMatchObject({ behind: 'On track', observations: 0 });
		// 6 months full time, then 7 at half time: 9.5 months.
		expect(expected('Flo Halftime')).toBe(Math.floor(outcomes * (0.4 + 0.6 * (0.5 / 3))));
	});
});

// The records of the enrolments selected are read with their ids sent as lists, or with each
// query selecting the enrolments itself: the same table either way.
describe.each(testDatabases())("the demo authority's progress, on $name", (database) => {
	let db: Db;
	let close: () => Promise<void>;
	const on = '2026-11-23';
	beforeAll(async () => {
		({ db, close } = await database.open());
		await seedDemoAuthority(db, new Date(`${on}T09:00:00Z`));
	});
	afterAll(() => close());

	it('is the same whether the selected ids are sent or selected again', async () => {
		const team = await db
			.selectFrom('teams')
			.select('id')
			.where('name', '=', 'North Assessment Team')
			.executeTakeFirstOrThrow();
		const choices = [
			{ period: 'all' as const },
			{ period: 'all' as const, teamId: team.id },
			{ period: 'all' as const, programme: 'asye' }
		];
		for (const filters of choices) {
			const sent = await earlyCareerProgress(db, framework, filters, on, idsSentUpTo);
			const selected = await earlyCareerProgress(db, framework, filters, on, 0);
			expect(sent).toEqual(selected);
		}
		// Every kind of record read shows in the demo's table, so each query is compared.
		const { rows } = await earlyCareerProgress(db, framework, choices[0], on, idsSentUpTo);
		expect(rows.length).toBeGreaterThan(5);
		for (const key of ['reviewsDone', 'observations', 'signedOff', 'supervisionsOverdue'])
			expect(rows.some((r) => Number(r[key as keyof typeof r]) > 0)).toBe(true);
		expect(rows.some((r) => r.nextSupervision !== null)).toBe(true);
	});
});
