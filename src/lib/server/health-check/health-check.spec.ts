import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newUser, readingAllSchemas, testDatabases } from '../db/testing';
import { timestamp } from '../db/time';
import { createTeam } from '../people/teams';
import { openGuestLink } from '../links/guest-links';
import { answerOf, answerSchema, commentFindings, saveHealthCheckAnswer } from './answers';
import { resultsTable, responseTable, surveyComments } from './results';
import {
	closeHealthCheck,
	listHealthChecks,
	openHealthCheck,
	questionsOf,
	surveyTitle,
	yearsToOpen
} from './surveys';

// The staff health check on a small authority: who is asked, one answer a link, answers that
// cannot be joined to people, and results only for groups of five or more.

const opened = new Date('2026-10-05T09:00:00Z');
const during = new Date('2026-10-20T15:47:12Z');
const afterwards = '2026-11-01';
let addresses = 0;
const address = () => `10.8.0.${++addresses}`;

describe.each(testDatabases())('the staff health check on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	let psw: string;
	/** Team name → its members' emails. */
	const members = new Map<string, string[]>();
	beforeAll(async () => {
		({ db, close } = await database.open());
		psw = await newUser(db, { roles: ['psw'] });
		const teams: [string, string | null, number][] = [
			['North', 'Assessment', 9],
			['Safeguarding', 'Assessment', 4],
			['Care', 'Children in care', 6],
			['Fostering', null, 2]
		];
		for (const [name, service, size] of teams) {
			const teamId = await createTeam(db, psw, name, null, opened, service);
			const emails = [];
			for (let i = 0; i < size; i++) {
				const email = `${name.toLowerCase()}.${i}@test.example`;
				await newUser(db, { teamId, email });
				emails.push(email);
			}
			members.set(name, emails);
		}
		// Neither is asked: one has left, one is in no team.
		await newUser(db, {
			email: 'left@test.example',
			active: false,
			teamId: (await team('North')).id
		});
		await newUser(db, { email: 'no.team@test.example' });
	});
	afterAll(() => close());

	const team = (name: string) =>
		db.selectFrom('teams').selectAll().where('name', '=', name).executeTakeFirstOrThrow();

	/** The token in the email sent to someone for the survey. */
	async function tokenOf(email: string) {
		const mail = await db
			.selectFrom('outbox')
			.select('body')
			.where('recipient', '=', email)
			.orderBy('created_at', 'desc')
			.executeTakeFirstOrThrow();
		return /\/health-check\/(\S+)/.exec(mail.body)![1];
	}

	async function answer(email: string, score: number, comment = '', at = during) {
		const link = await openGuestLink(db, await tokenOf(email), 'health-check', address(), at);
		if (link.state !== 'open') throw new Error(`${email}'s link is ${link.state}`);
		const survey = (await listHealthChecks(db))[0];
		const questions = questionsOf(survey).questions;
		const form = Object.fromEntries(
			questions.map((q) => [q.id, q.kind === 'scale' ? String(score) : comment])
		);
		const parsed = answerSchema(questions).parse(form) as Record<string, string>;
		return saveHealthCheckAnswer(db, link, answerOf(questions, parsed), at);
	}

	it('opens once a year, and emails a link to each active member of staff in a team', async () => {
		await expect(
			openHealthCheck(db, psw, { year: 2026, closesOn: '2026-10-05' }, opened)
		).rejects.toThrow('The closing date must be after today');
		await expect(
			openHealthCheck(db, psw, { year: 2026, closesOn: '2027-03-01' }, opened)
		).rejects.toThrow('within three months');
		await openHealthCheck(db, psw, { year: 2026, closesOn: '2026-10-30' }, opened);
		await expect(
			openHealthCheck(db, psw, { year: 2026, closesOn: '2026-10-30' }, opened)
		).rejects.toThrow('There is already a health check for 2026');
		expect(await yearsToOpen(db, '2026-10-05')).toEqual([2027]);
		const sent = await db.selectFrom('outbox').select('recipient').execute();
		expect(sent.map((m) => m.recipient).sort()).toEqual([...members.values()].flat().sort());
		const [survey] = await listHealthChecks(db);
		expect(survey).toMatchObject({ year: 2026, invited: 21, answered: 0 });
		const mail = await db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
		expect(mail.subject).toBe('Staff health check 2026: tell us what it is like to work here');
		expect(mail.body).toContain('works once, until 30 October 2026');
		const token = await tokenOf('north.0@test.example');
		const last = new Date('2026-10-30T23:59:59Z');
		expect(await openGuestLink(db, token, 'health-check', address(), last)).toMatchObject({
			state: 'open'
		});
		expect(
			await openGuestLink(db, token, 'health-check', address(), new Date('2026-10-31T00:00:00Z'))
		).toMatchObject({ state: 'expired' });
	});

	it('takes one answer a link: the second is refused and nothing more is kept', async () => {
		const token = await tokenOf('north.0@test.example');
		const link = await openGuestLink(db, token, 'health-check', address(), during);
		if (link.state !== 'open') throw new Error('the link should be open');
		const questions = questionsOf((await listHealthChecks(db))[0]).questions;
		const scores = (score: number) =>
			answerOf(
				questions,
				Object.fromEntries(questions.map((q) => [q.id, q.kind === 'scale' ? String(score) : '']))
			);
		const both = await Promise.all([
			saveHealthCheckAnswer(db, link, scores(4), during),
			saveHealthCheckAnswer(db, link, scores(1), during)
		]);
		expect(both.sort()).toEqual([false, true]);
		expect(await saveHealthCheckAnswer(db, link, scores(1), during)).toBe(false);
		expect((await listHealthChecks(db))[0].answered).toBe(1);
		expect(await openGuestLink(db, token, 'health-check', address(), during)).toMatchObject({
			state: 'used'
		});
	});

	it('keeps answers with the team and service and the day only: nothing joins them to people', async () => {
		const columns = async (table: string) =>
			(await readingAllSchemas(db, () => db.introspection.getTables()))
				.find((t) => t.name === table)!
				.columns.map((c) => c.name)
				.sort();
		expect(await columns('health_check_answers')).toEqual([
			'answered_on',
			'comment',
			'health_check_id',
			'id',
			'scores',
			'service',
			'team_id'
		]);
		// The invitation says a link was sent and used; it has no answer's id, nor any time.
		expect(await columns('health_check_invitations')).toEqual([
			'health_check_id',
			'id',
			'service',
			'team_id',
			'used',
			'user_id'
		]);
		const north = await team('North');
		const [row] = await db.selectFrom('health_check_answers').selectAll().execute();
		expect(row).toMatchObject({
			team_id: north.id,
			service: 'Assessment',
			answered_on: '2026-10-20'
		});
		// The link and the event log say the day, never the minute it was answered.
		const used = await db
			.selectFrom('guest_links')
			.select('used_at')
			.where('purpose', '=', 'health-check')
			.where('used_at', 'is not', null)
			.execute();
		expect(used.map((u) => u.used_at)).toEqual(['2026-10-20T00:00:00.000Z']);
		const event = await db
			.selectFrom('events')
			.selectAll()
			.where('action', '=', 'health-check.answered')
			.executeTakeFirstOrThrow();
		expect(event).toMatchObject({ at: '2026-10-20T00:00:00.000Z', actor_id: null, detail: null });
	});

	it('warns of names in the words, and shows nothing while the survey is open', async () => {
		const questions = questionsOf((await listHealthChecks(db))[0]).questions;
		expect(commentFindings(questions, 'My manager Sandra Okonkwo is great.')).toHaveLength(1);
		for (const email of members.get('North')!.slice(1))
			await answer(email, 5, 'More time to think.');
		for (const email of members.get('Safeguarding')!.slice(0, 3)) await answer(email, 2);
		for (const email of members.get('Care')!.slice(0, 5))
			await answer(email, 4, 'Good supervision.');
		await answer(members.get('Fostering')![0], 1, 'Too many cases.');
		const [survey] = await listHealthChecks(db);
		expect(survey.answered).toBe(18);
		const open = await resultsTable(db, survey, '2026-10-21');
		expect(open.rows).toEqual([]);
		expect(open.title).toContain('shown once it closes on 30 October 2026');
		expect(await surveyComments(db, survey, '2026-10-21')).toEqual([]);
		expect(responseTable(survey, '2026-10-21').rows).toEqual([
			{ year: '2026', state: 'Open until 30 October 2026', invited: 21, answered: 18, rate: 86 }
		]);
	});

	it('closes early: unused links stop working, and no more answers are taken', async () => {
		const [survey] = await listHealthChecks(db);
		const closing = new Date('2026-10-25T12:00:00Z');
		await closeHealthCheck(db, psw, survey.id, closing);
		await expect(closeHealthCheck(db, psw, survey.id, closing)).rejects.toThrow('closed already');
		const late = members.get('Care')![5];
		expect(
			await openGuestLink(db, await tokenOf(late), 'health-check', address(), closing)
		).toMatchObject({ state: 'expired' });
	});

	it('shows each group of five or more, merging small teams into their service, and none by subtraction', async () => {
		const [survey] = await listHealthChecks(db);
		const table = await resultsTable(db, survey, afterwards);
		// North 9 and Safeguarding 3 make Assessment 12: North alone would leave 3 by subtraction.
		// Care 5 is shown; Fostering's 1 on its own cannot be, nor can the pool of 1, so nor can
		// Care apart from it: Children in care joins Fostering as "Other services" (6).
		expect(table.rows.map((r) => [r.group, r.level, r.answers, r.rate])).toEqual([
			['All staff', 'Everyone', 18, 86],
			['Assessment', 'Service', 12, 92],
			['Other services', 'Services merged', 6, 75]
		]);
		expect(table.rows[1]).toMatchObject({ includes: 'North, Safeguarding', workload: 75 });
		expect(table.rows[2]).toMatchObject({ includes: 'Children in care, Fostering', workload: 83 });
		for (const row of table.rows) expect(Number(row.answers)).toBeGreaterThanOrEqual(5);
		expect(await surveyComments(db, survey, afterwards)).toEqual([
			...Array(5).fill('Good supervision.'),
			...Array(8).fill('More time to think.'),
			'Too many cases.'
		]);
	});

	it('names each year’s survey by its own year, though the questions are an earlier year’s file', async () => {
		const later = new Date('2027-10-05T09:00:00Z');
		await openHealthCheck(db, psw, { year: 2027, closesOn: '2027-10-30' }, later);
		const survey = (await listHealthChecks(db)).find((s) => s.year === 2027)!;
		expect(questionsOf(survey).year).toBe(2026);
		expect(surveyTitle(survey)).toBe('Staff health check 2027');
		const mail = await db
			.selectFrom('outbox')
			.select('subject')
			.where('created_at', '>=', timestamp(later))
			.executeTakeFirstOrThrow();
		expect(mail.subject).toBe('Staff health check 2027: tell us what it is like to work here');
	});
});
