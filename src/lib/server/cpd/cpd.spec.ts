import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import { newUser, testDatabases } from '../db/testing';
import { createEvidence, setMapping, submitEvidence } from '../portfolio/evidence';
import { cpdCsv, cpdPdf, downloadCpdYear } from './export';
import { cpdReminderFor, sendCpdReminders } from './reminders';
import { cpdYearOf } from './year';
import { testCpdRule } from './testing';

const rule = testCpdRule;
const learning =
	'Asking each child what a good day looks like changed the conversation, and I now plan visits around the child’s own words rather than my list of tasks.';

describe.each(testDatabases())('my CPD year on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	const person = (name: string, roles: SessionUser['roles'] = ['practitioner']) =>
		newUser(db, { name, roles, sweNumber: `SW${Math.floor(Math.random() * 9e6) + 1e6}` });

	/** A CPD record, submitted unless told otherwise. */
	async function cpdRecord(
		owner: string,
		date: string,
		fields: Partial<{ title: string; peer: boolean; impact: string; draft: boolean }> = {}
	) {
		const id = await createEvidence(db, owner, {
			title: fields.title ?? `Record of ${date}`,
			activityDate: date,
			type: 'learning-activity',
			account: 'An account.',
			reflectionModel: 'free',
			reflection: { text: 'A reflection.' },
			cpdType: 'formal-learning',
			cpdRelevance: `=HYPERLINK("https://example.com") on ${date}`,
			cpdLearning: `${learning} (${date})`,
			cpdImpact: fields.impact ?? '@once a week, with every family.',
			peerReflected: fields.peer ?? false,
			peerReflection: fields.peer ? `+${learning}` : '',
			cpdMinutes: 90
		});
		if (fields.draft) return id;
		await setMapping(db, owner, id, 1, {
			frameworkVersion: 'pqs-2025',
			outcomes: ['5.3'],
			statements: [{ outcomeId: '5.3', statementId: '5.3 D1' }]
		});
		await submitEvidence(db, owner, id, 2, false);
		return id;
	}

	it('gathers the records dated 1 December to 30 November, drafts apart', async () => {
		const me = await person('Ama Owusu');
		await cpdRecord(me, '2025-11-30', { title: 'Last year' });
		const first = await cpdRecord(me, '2025-12-01', { title: 'First day' });
		const last = await cpdRecord(me, '2026-11-30', { title: 'Last day', peer: true });
		const draft = await cpdRecord(me, '2026-06-01', { title: 'Still a draft', draft: true });
		await cpdRecord(me, '2026-12-01', { title: 'Next year' });

		const cpd = await cpdYearOf(db, me, 2026, '2026-11-30', rule);
		expect(cpd.year).toEqual({ start: '2025-12-01', end: '2026-11-30', name: 2026 });
		expect(cpd.records.map((r) => r.id)).toEqual([first, last]);
		expect(cpd.drafts.map((r) => r.id)).toEqual([draft]);
		expect(cpd.checklist).toEqual({
			records: 2,
			peerReflected: 1,
			shortfall: { records: 0, peerReflected: 0, met: true }
		});
		expect((await cpdYearOf(db, me, 2027, '2026-12-01', rule)).records.map((r) => r.title)).toEqual(
			['Next year']
		);
	});

	it('flags thin records and near-duplicates of this year’s and last year’s', async () => {
		const me = await person('Ben Ito');
		const old = await cpdRecord(me, '2025-06-01', { title: 'Same course' });
		const a = await cpdRecord(me, '2026-02-01', { title: 'Same course' });
		const b = await cpdRecord(me, '2026-03-01', { title: 'Same course', impact: '' });
		const { records } = await cpdYearOf(db, me, 2026, '2026-11-30', rule);
		const byId = new Map(records.map((r) => [r.id, r]));
		expect(byId.get(a)!.duplicates.map((d) => [d.id, d.earlier])).toEqual([
			[b, false],
			[old, true]
		]);
		expect(byId.get(b)!.thin).toEqual(['The impact on your practice is empty.']);
		expect(byId.get(a)!.thin).toEqual([]);
	});

	it('has nothing to show someone without a registration number', async () => {
		const admin = await newUser(db, { roles: ['admin'] });
		const cpd = await cpdYearOf(db, admin, 2026, '2026-11-30', rule);
		expect(cpd.person.sweNumber).toBeNull();
		expect(cpd.checklist).toBeNull();
	});

	it('downloads the year as CSV in Social Work England’s order, formulas defused, and logs it', async () => {
		const me = await person('Cai Jones');
		await cpdRecord(me, '2026-04-02', { title: 'Course, with "quotes"', peer: true });
		await cpdRecord(me, '2026-05-03');
		const cpd = await cpdYearOf(db, me, 2026, '2026-11-30', rule);
		const csv = cpdCsv(cpd);
		expect(csv.startsWith('\ufeff')).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		expect(lines[0]).toBe(
			'Type,Description and relevance to practice,Date,What was learnt,Impact on practice,Peer reflection'
		);
		expect(csv).toContain(
			`"Course, with ""quotes""\n\n=HYPERLINK(""https://example.com"") on 2026-04-02",2026-04-02,`
		);
		// A cell that begins with = + - or @ would run as a formula: it starts with ' instead.
		expect(csv).toContain(`"'@once a week, with every family.","'+Asking each child`);
		expect(lines[1].startsWith('"Course, training or e-learning","Course, with ""quotes""')).toBe(
			true
		);

		const file = await downloadCpdYear(db, me, cpd, 'csv');
		expect(file.name).toMatch(/^cpd-2026-SW\d+\.csv$/);
		const events = await db
			.selectFrom('events')
			.select(['action', 'detail'])
			.where('subject_id', '=', me)
			.where('action', '=', 'cpd.exported')
			.execute();
		expect(events.map((e) => JSON.parse(e.detail!))).toEqual([
			{ year: 2026, format: 'csv', records: 2 }
		]);
	});

	it('downloads the year as a PDF whose text reads back', async () => {
		const me = await person('Dee Ng');
		await cpdRecord(me, '2026-04-02', { title: 'Family group conferences', peer: true });
		const cpd = await cpdYearOf(db, me, 2026, '2026-11-30', rule);
		const pdf = await getDocumentProxy(new Uint8Array(await cpdPdf(cpd)));
		const { text } = await extractText(pdf, { mergePages: true });
		for (const expected of [
			'My CPD year',
			`Dee Ng, Social Work England registration ${cpd.person.sweNumber}`,
			'Registration year 1 December 2025 to 30 November 2026',
			'1. Family group conferences',
			'Description and relevance to practice',
			'2 April 2026',
			'What was learnt',
			'Impact on practice',
			'Peer reflection'
		])
			expect(text).toContain(expected);
	});

	it('reminds by email from 1 September, again from 1 November if short, once each', async () => {
		const short = await person('Eve Short');
		const done = await person('Fin Done');
		await cpdRecord(done, '2026-01-10', { peer: true });
		await cpdRecord(done, '2026-02-10');
		// Everyone with a registration number, whatever their roles; not those without one.
		const supervisor = await person('Gail Supervisor', ['supervisor']);
		await cpdRecord(supervisor, '2026-03-10', { peer: true });
		await cpdRecord(supervisor, '2026-04-10');
		const psw = await person('Pat Psw', ['psw', 'auditor']);
		const unregistered = await newUser(db, { name: 'Hal Unregistered' });
		const remind = (today: string) => sendCpdReminders(db, 'https://gt.example', today, rule);
		const mailTo = async (id: string) =>
			(
				await db
					.selectFrom('outbox')
					.innerJoin('users', 'users.email', 'outbox.recipient')
					.select(['outbox.subject', 'outbox.body'])
					.where('users.id', '=', id)
					.execute()
			).sort((a, b) => a.subject.localeCompare(b.subject));

		expect(await remind('2026-08-31')).toBe(0);
		expect(await remind('2026-09-01')).toBeGreaterThanOrEqual(2);
		expect(await remind('2026-09-02')).toBe(0);
		expect(await remind('2026-11-01')).toBeGreaterThanOrEqual(1);
		expect(await remind('2026-11-30')).toBe(0);
		expect(await remind('2026-12-01')).toBe(0);
		const mail = await mailTo(short);
		expect(mail.map((m) => m.subject)).toEqual([
			'Your CPD for this registration year is not yet complete',
			'Your registration year ends on 30 November 2026'
		]);
		expect(mail[0].body).toContain('You have recorded 0 pieces of CPD this year');
		expect(mail[0].body).toContain('https://gt.example/portfolio/cpd');
		expect((await mailTo(done)).map((m) => m.subject)).toEqual([
			'Your registration year ends on 30 November 2026'
		]);
		expect((await mailTo(supervisor)).map((m) => m.subject)).toEqual([
			'Your registration year ends on 30 November 2026'
		]);
		expect((await mailTo(psw)).map((m) => m.subject)).toEqual([
			'Your CPD for this registration year is not yet complete',
			'Your registration year ends on 30 November 2026'
		]);
		expect(await mailTo(unregistered)).toEqual([]);
		// Written on the day, so a restart sends nothing again.
		const marks = await db
			.selectFrom('cpd_reminders')
			.select(['reminder_on', 'kind'])
			.where('user_id', '=', short)
			.orderBy('reminder_on')
			.execute();
		expect(marks).toEqual([
			{ reminder_on: '2026-09-01', kind: 'first' },
			{ reminder_on: '2026-11-01', kind: 'second' }
		]);
	});

	it('shows the reminder on the home page while it applies', async () => {
		const id = await person('Ivy Home');
		const user = { id, roles: ['practitioner'] } as SessionUser;
		expect(await cpdReminderFor(db, user, '2026-08-31', rule)).toBeNull();
		expect(await cpdReminderFor(db, user, '2026-09-01', rule)).toMatchObject({
			kind: 'first',
			yearEnds: '2026-11-30'
		});
		expect(await cpdReminderFor(db, user, '2026-11-01', rule)).toMatchObject({ kind: 'second' });
		expect(await cpdReminderFor(db, user, '2026-12-01', rule)).toBeNull();
		// Whatever their roles: the registration number decides.
		const supervisor = await person('Jo Supervisor', ['supervisor']);
		expect(
			await cpdReminderFor(
				db,
				{ id: supervisor, roles: ['supervisor'] } as SessionUser,
				'2026-11-01',
				rule
			)
		).toMatchObject({ kind: 'second' });
		const admin = await newUser(db, { roles: ['admin'] });
		expect(
			await cpdReminderFor(db, { id: admin, roles: ['admin'] } as SessionUser, '2026-11-01', rule)
		).toBeNull();
	});
});
