import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastQaText } from '$lib/workforce/qa-coverage';
import { auditDefinition } from '../audit';
import { createAudit } from '../audit/audits';
import { finaliseAudit } from '../audit/finalise';
import { saveGrades } from '../audit/grading';
import { saveViews } from '../audit/views';
import type { Db } from '../db';
import { newEvidence, newUser, testDatabases } from '../db/testing';
import { recordObservation } from '../observation/observations';
import { createTeam } from '../people/teams';
import { createFeedbackRequest } from '../feedback/requests';
import { saveFeedbackAnswer } from '../feedback/save-answer';
import { openGuestLink } from '../links/guest-links';
import { eraseAudits } from '../retention/erase-audits';
import { deleteDraft } from '../portfolio/delete-draft';
import { getEvidence, submitEvidence } from '../portfolio/evidence';
import { toCsv, type Table } from './figures';
import { parseFilters } from './filters';
import { workforceView } from './index';
import { latestAudit, latestRecord, qaCoverage, qaSince } from './qa-coverage';

// QA coverage on 1 October 2027: the twelve months run from 1 October 2026, so a date on that day
// counts and one on 30 September 2026 does not. One practitioner for each way of having, or
// missing, an audit, an observation and feedback.

const today = '2027-10-01';
const definition = auditDefinition();

describe('QA coverage wording', () => {
	it('writes a date in the twelve months out, and says when there was none', () => {
		const since = qaSince(today);
		expect(since).toBe('2026-10-01');
		expect(lastQaText('2026-10-01', since)).toBe('1 October 2026');
		expect(lastQaText('2027-10-01', since)).toBe('1 October 2027');
		expect(lastQaText('2026-09-30', since)).toBe(
			'None in the last 12 months (last 30 September 2026)'
		);
		expect(lastQaText(null, since)).toBe('None recorded');
	});

	it('counts twelve months back to the same day, or the month’s last day', () => {
		expect(qaSince('2028-02-29')).toBe('2027-02-28');
		expect(qaSince('2026-12-03')).toBe('2025-12-03');
	});
});

describe.each(testDatabases())('QA coverage on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	let people: Awaited<ReturnType<typeof authority>>;
	beforeAll(async () => {
		({ db, close } = await database.open());
		people = await authority();
	});
	afterAll(() => close());

	async function record(owner: string, type: string, activityDate: string, submitted = true) {
		const id = await newEvidence(db, owner, { type, activityDate });
		if (submitted) await submitEvidence(db, owner, id, 1, true);
	}

	async function authority() {
		const admin = await newUser(db, { roles: ['admin', 'psw'] });
		const auditor = await newUser(db, { roles: ['auditor'] });
		const observer = await newUser(db, { roles: ['supervisor'] });
		const teamId = await createTeam(db, admin, 'QA team', null);
		const otherTeam = await createTeam(db, admin, 'Other team', null);
		const person = (name: string, team = teamId, active = true) =>
			newUser(db, { name, teamId: team, active });

		async function audit(practitionerId: string, on: string, finalised = true) {
			const id = await createAudit(db, auditor, {
				type: 'journey-and-impact',
				theme: null,
				caseRef: 'C-300001',
				practitionerId,
				managerId: null,
				coAuditorId: null,
				periodStart: '2026-01-01',
				periodEnd: on,
				auditedOn: on
			});
			if (!finalised) return;
			const grades = Object.fromEntries(
				definition.areas.map((a) => [a.id, { grade: 'good' as const, evidence: 'Seen.' }])
			);
			await saveGrades(db, definition, auditor, id, 'audit', {
				grades,
				grip: false,
				gripReason: ''
			});
			await saveViews(db, auditor, id, { child_view: 'x', parent_view: 'y', worker_view: 'z' });
			await finaliseAudit(db, definition, auditor, id, { anonymityConfirmed: false, origin: '' });
		}
		const observe = (practitionerId: string, observedOn: string) =>
			recordObservation(db, observer, practitionerId, {
				observedOn,
				setting: 'Home visit',
				wentWell: 'Clear.',
				toDevelop: 'Pace.',
				frameworkVersion: 'pqs-2025',
				outcomes: [],
				statements: []
			});

		// Audited and observed on the first day of the twelve months; feedback the day before.
		const ann = await person('Ann Edge');
		await audit(ann, '2026-10-01');
		await observe(ann, '2026-10-01');
		await record(ann, 'feedback-colleague', '2026-09-30');
		// Audited the day before; a later audit still a draft; observed; feedback today, and a
		// record dated after today that does not count yet.
		const ben = await person('Ben Before');
		await audit(ben, '2026-09-30');
		await audit(ben, '2027-09-01', false);
		await observe(ben, '2027-09-15');
		await record(ben, 'feedback-colleague', today);
		await record(ben, 'feedback-child-family', '2027-10-02');
		// Nothing but a draft of feedback and another kind of record.
		const cat = await person('Cat None');
		await record(cat, 'feedback-child-family', '2027-05-01', false);
		await record(cat, 'case-work', '2027-05-01');
		// Everything, the latest of each counting: an observation written up by herself.
		const dee = await person('Dee Done');
		await audit(dee, '2026-01-15');
		await audit(dee, '2027-01-15');
		await record(dee, 'observation', '2027-03-03');
		await record(dee, 'feedback-child-family', '2027-05-05');
		// In another team, and someone who has left: not counted with the team's.
		await person('Eve Elsewhere', otherTeam);
		await person('Fay Left', teamId, false);
		return { teamId, ann, ben, cat, dee };
	}

	const rowsOf = (table: Table) =>
		table.rows.map((r) => [r.name, r.lastAudit, r.lastObservation, r.lastFeedback, r.missing]);

	it('gives each practitioner’s latest, those missing most first, and counts who lacks each', async () => {
		const { teamId, ann, cat } = people;
		const filters = parseFilters(new URLSearchParams({ team: teamId }));
		const qa = await qaCoverage(db, filters, today);
		expect(qa.since).toBe('2026-10-01');
		expect(qa.paging).toBeUndefined();
		expect(rowsOf(qa.people)).toEqual([
			['Cat None', null, null, null, 'Audit, observation, feedback'],
			['Ann Edge', '2026-10-01', '2026-10-01', '2026-09-30', 'Feedback'],
			['Ben Before', '2026-09-30', '2027-09-15', '2027-10-01', 'Audit'],
			['Dee Done', '2027-01-15', '2027-03-03', '2027-05-05', null]
		]);
		expect(qa.people.rows[0].practitionerId).toBe(cat);
		expect(qa.people.rows[1]).toMatchObject({ practitionerId: ann, team: 'QA team', teamId });
		expect(qa.summary.rows).toEqual([
			{ kind: 'Audit', without: 2, practitioners: 4, share: 50 },
			{ kind: 'Observation', without: 1, practitioners: 4, share: 25 },
			{ kind: 'Feedback', without: 2, practitioners: 4, share: 50 },
			{ kind: 'Any of the three', without: 3, practitioners: 4, share: 75 }
		]);

		// As the page writes them, the edges both sides of the twelve months.
		const written = (name: string) => {
			const row = qa.people.rows.find((r) => r.name === name)!;
			return ['lastAudit', 'lastObservation', 'lastFeedback'].map((key) =>
				lastQaText(row[key] as string | null, qa.since)
			);
		};
		expect(written('Ann Edge')).toEqual([
			'1 October 2026',
			'1 October 2026',
			'None in the last 12 months (last 30 September 2026)'
		]);
		expect(written('Ben Before')).toEqual([
			'None in the last 12 months (last 30 September 2026)',
			'15 September 2027',
			'1 October 2027'
		]);
		expect(written('Cat None')).toEqual(['None recorded', 'None recorded', 'None recorded']);

		// The CSV keeps the dates as spreadsheets read them.
		expect(toCsv(qa.people).split('\r\n').slice(0, 3)).toEqual([
			'\ufeffPractitioner,Team,Last audit,Last observation,Last feedback,None in the last 12 months',
			'Cat None,QA team,,,,"Audit, observation, feedback"',
			'Ann Edge,QA team,2026-10-01,2026-10-01,2026-09-30,Feedback'
		]);
	});

	it('moves with today: a day later, the first day’s audit and observation fall out', async () => {
		const { teamId } = people;
		const filters = parseFilters(new URLSearchParams({ team: teamId }));
		const qa = await qaCoverage(db, filters, '2027-10-02');
		expect(qa.since).toBe('2026-10-02');
		expect(rowsOf(qa.people).map((r) => [r[0], r[4]])).toEqual([
			['Ann Edge', 'Audit, observation, feedback'],
			['Cat None', 'Audit, observation, feedback'],
			['Ben Before', 'Audit'],
			['Dee Done', null]
		]);
		// Ben's feedback dated 2 October now counts as his latest.
		expect(qa.people.rows[2].lastFeedback).toBe('2027-10-02');
		expect(qa.summary.rows.map((r) => r.without)).toEqual([3, 2, 2, 3]);
	});

	it('pages the practitioners and counts them all in the summary', async () => {
		const { teamId } = people;
		const filters = parseFilters(new URLSearchParams({ team: teamId }));
		const names = async (page: number) => {
			const qa = await qaCoverage(db, filters, today, { page, size: 3 });
			return { names: qa.people.rows.map((r) => r.name), paging: qa.paging, summary: qa.summary };
		};
		const first = await names(1);
		expect(first.names).toEqual(['Cat None', 'Ann Edge', 'Ben Before']);
		expect(first.paging).toEqual({
			table: 'practitioners',
			page: 1,
			pages: 2,
			perPage: 3,
			rows: 4
		});
		const second = await names(2);
		expect(second.names).toEqual(['Dee Done']);
		expect(second.summary.rows.at(-1)).toMatchObject({ without: 3, practitioners: 4 });
		// Past the last page, the last.
		expect((await names(9)).names).toEqual(['Dee Done']);
	});

	it('serves the view by name, with the first day of the twelve months and paging when asked', async () => {
		const { teamId } = people;
		const params = new URLSearchParams({ team: teamId, stage: 'nonsense' });
		const all = await workforceView(db, 'qa-coverage', params, today);
		expect(all).toMatchObject({
			view: 'qa-coverage',
			title: 'QA coverage',
			filters: { team: teamId, since: '2026-10-01' }
		});
		expect(all.tables.map((t) => [t.id, t.rows.length])).toEqual([
			['summary', 4],
			['practitioners', 4]
		]);
		expect(all.paging).toBeUndefined();
		params.set('page', '1');
		const paged = await workforceView(db, 'qa-coverage', params, today);
		expect(paged.paging).toEqual({
			table: 'practitioners',
			page: 1,
			pages: 1,
			perPage: 50,
			rows: 4
		});
		// Nonsense is the first page.
		params.set('page', 'two');
		expect((await workforceView(db, 'qa-coverage', params, today)).paging?.page).toBe(1);
	});

	it('counts feedback given by link from the day it is answered, while its record is still a draft', async () => {
		const admin = await newUser(db, { roles: ['admin'] });
		const teamId = await createTeam(db, admin, 'Link team', null);
		const gil = await newUser(db, { name: 'Gil Given', teamId });
		const asked = new Date('2027-09-20T09:00:00Z');
		const { token } = await createFeedbackRequest(
			db,
			{ id: gil, name: 'Gil Given' },
			{ relationship: 'parent-carer', name: '', email: 'parent@test.example', evidence: null },
			asked
		);
		const filters = parseFilters(new URLSearchParams({ team: teamId }));
		const before = await qaCoverage(db, filters, today);
		expect(before.people.rows.map((r) => r.lastFeedback)).toEqual([null]);
		const answered = new Date('2027-09-22T10:00:00Z');
		const link = await openGuestLink(db, token, 'feedback', '10.9.9.9', answered);
		if (link.state !== 'open') throw new Error('the link should be open');
		const recordId = await saveFeedbackAnswer(
			db,
			link,
			{ scale: null, texts: { wentWell: 'She listened.' } },
			{ now: answered }
		);
		expect((await getEvidence(db, recordId!))?.status).toBe('draft');
		const after = await qaCoverage(db, filters, today);
		expect(after.people.rows.map((r) => r.lastFeedback)).toEqual(['2027-09-22']);
	});

	/** Everyone's kept latest dates, and the same looked up afresh from their records. */
	async function keptAndCounted() {
		const kept = await db
			.selectFrom('users')
			.leftJoin('qa_latest', 'qa_latest.user_id', 'users.id')
			.select([
				'users.id',
				'qa_latest.audit',
				'qa_latest.observation',
				'qa_latest.feedback_child_family as child',
				'qa_latest.feedback_colleague as colleague'
			])
			.orderBy('users.id')
			.execute();
		const counted = await db
			.selectFrom('users')
			.select((eb) => [
				'users.id',
				latestAudit(eb).as('audit'),
				latestRecord(eb, 'observation').as('observation'),
				latestRecord(eb, 'feedback-child-family').as('child'),
				latestRecord(eb, 'feedback-colleague').as('colleague')
			])
			.orderBy('users.id')
			.execute();
		return { kept, counted };
	}

	it('keeps each person’s latest dates right through every change to their records and audits', async () => {
		const check = async (step: string) => {
			const { kept, counted } = await keptAndCounted();
			expect(kept, step).toEqual(counted);
		};
		await check('as created');
		const { ben, dee } = people;
		const records = (owner: string) =>
			db
				.selectFrom('evidence')
				.select(['id', 'type', 'activity_date'])
				.where('owner_id', '=', owner)
				.orderBy('activity_date', 'desc')
				.execute();
		const [deeFeedback] = (await records(dee)).filter((r) => r.type === 'feedback-child-family');
		const change = (id: string, set: Record<string, string>) =>
			db.updateTable('evidence').set(set).where('id', '=', id).execute();
		await change(deeFeedback.id, { activity_date: '2027-06-06' });
		await check('a record’s date moved');
		await change(deeFeedback.id, { status: 'draft' });
		await check('a record back to a draft');
		const request = await createFeedbackRequest(
			db,
			{ id: dee, name: 'Dee Done' },
			{ relationship: 'parent-carer', name: '', email: 'p@test.example', evidence: null },
			new Date('2027-06-01T09:00:00Z')
		);
		const requestId = (
			await db
				.selectFrom('feedback_requests')
				.select('id')
				.where('practitioner_id', '=', dee)
				.orderBy('created_at', 'desc')
				.executeTakeFirstOrThrow()
		).id;
		expect(request.token).toBeTruthy();
		const answer = (recordId: string | null) =>
			db
				.updateTable('feedback_requests')
				.set({ record_id: recordId })
				.where('id', '=', requestId)
				.execute();
		await answer(deeFeedback.id);
		await check('a draft holding an answer by link');
		await answer(null);
		await check('the answer taken off the draft');
		await change(deeFeedback.id, { status: 'submitted', type: 'feedback-colleague' });
		await check('a record of one kind made another');
		const [benRecord] = await records(ben);
		await change(benRecord.id, { owner_id: dee });
		await check('a record moved to someone else');
		await deleteDraft(db, dee, await newEvidence(db, dee, { type: 'observation' }));
		await check('a draft observation written and deleted');
		// As erasing a portfolio does: a record that counts, deleted.
		const latest = await newEvidence(db, dee, { type: 'observation', activityDate: '2027-08-08' });
		await change(latest, { status: 'submitted' });
		await check('a later observation submitted');
		await db.deleteFrom('evidence').where('id', '=', latest).execute();
		await check('that observation deleted');

		const audits = (practitioner: string) =>
			db
				.selectFrom('audits')
				.select(['id', 'status'])
				.where('practitioner_id', '=', practitioner)
				.orderBy('audited_on', 'desc')
				.execute();
		const [deeLatest, deeEarlier] = await audits(dee);
		const audit = (id: string, set: Record<string, string>) =>
			db.updateTable('audits').set(set).where('id', '=', id).execute();
		await audit(deeLatest.id, { status: 'draft' });
		await check('the latest audit reopened');
		await audit(deeLatest.id, { status: 'finalised', audited_on: '2027-02-02' });
		await check('finalised again, another day');
		await audit(deeLatest.id, { practitioner_id: ben });
		await check('the latest audit moved to someone else');
		await eraseAudits(db, [deeLatest.id]);
		await check('that audit erased');
		expect((await audits(dee)).map((a) => a.id)).toEqual([deeEarlier.id]);
	});
});
