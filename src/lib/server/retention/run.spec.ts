import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { longestWindow } from '../auth/rate-limit';
import { newId } from '../db/ids';
import { newUser, testDatabases } from '../db/testing';
import { createAudit } from '../audit/audits';
import { yearsBefore } from './due';
import type { RetentionPolicy } from './policy';
import { describeRetention } from './report';
import { runRetention } from './run';

// The retention run on a day written out, 2 December 2026 at 03:00, with everything placed
// just inside and just outside each period.

const policy: RetentionPolicy = {
	id: 'retention',
	title: 'How long records are kept',
	leaverYears: 6,
	auditYears: 6,
	outboxDays: 90,
	staffFileDays: 90
};
const now = new Date('2026-12-02T03:00:00.000Z');

describe('counting years back', () => {
	it('goes back whole years, and from 29 February to 1 March', () => {
		expect(yearsBefore('2026-12-02', 6)).toBe('2020-12-02');
		expect(yearsBefore('2028-02-29', 6)).toBe('2022-03-01');
		expect(yearsBefore('2026-03-01', 2)).toBe('2024-03-01');
	});
});

describe.each(testDatabases())('the retention run on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	const ids: Record<string, string> = {};
	beforeAll(async () => {
		({ db, close } = await database.open());
		await fill();
	});
	afterAll(() => close());

	async function leaver(name: string, deactivatedAt: string) {
		const id = await newUser(db, { name, email: `${name.toLowerCase()}@test.example` });
		await db
			.updateTable('users')
			.set({ active: 0, deactivated_at: deactivatedAt })
			.where('id', '=', id)
			.execute();
		return id;
	}

	async function audit(practitionerId: string, auditorId: string, auditedOn: string) {
		const id = await createAudit(
			db,
			auditorId,
			{
				type: 'dip-sample',
				theme: null,
				caseRef: 'C-1',
				practitionerId,
				managerId: null,
				coAuditorId: null,
				periodStart: '2020-01-01',
				periodEnd: auditedOn,
				auditedOn
			},
			new Date(`${auditedOn}T09:00:00.000Z`)
		);
		const finding = newId();
		await db
			.insertInto('audit_findings')
			.values({
				id: finding,
				audit_id: id,
				kind: 'development',
				text: 'Plans',
				created_at: `${auditedOn}T10:00:00.000Z`
			})
			.execute();
		await db
			.insertInto('audit_grades')
			.values({
				audit_id: id,
				stage: 'audit',
				area_id: 'plans',
				grade: 'good',
				effective_grade: 'good',
				evidence: 'Seen'
			})
			.execute();
		const need = newId();
		await db
			.insertInto('learning_needs')
			.values({
				id: need,
				practitioner_id: practitionerId,
				audit_id: id,
				finding_id: finding,
				description: 'Planning',
				status: 'open',
				met_by: null,
				met_at: null,
				created_at: `${auditedOn}T12:00:00.000Z`
			})
			.execute();
		return { id, need };
	}

	async function fill() {
		// Left exactly six years ago (late in the day), and a day less than six years ago.
		ids.due = await leaver('Dana', '2020-12-02T23:59:00.000Z');
		ids.notYet = await leaver('Nell', '2020-12-03T00:01:00.000Z');
		ids.auditor = await newUser(db, { roles: ['auditor'] });
		const old = await audit(ids.notYet, ids.auditor, '2020-12-02');
		ids.oldAudit = old.id;
		ids.oldNeed = old.need;
		ids.newAudit = (await audit(ids.notYet, ids.auditor, '2020-12-03')).id;
		const at = (iso: string) => ({ created_at: iso, last_seen_at: iso });
		await db
			.insertInto('sessions')
			.values([
				{ id: 'idle', user_id: ids.auditor, ...at('2026-12-01T18:59:00.000Z') },
				{ id: 'fresh', user_id: ids.auditor, ...at('2026-12-01T19:01:00.000Z') }
			])
			.execute();
		const link = (id: string, expires: string) => ({
			id,
			user_id: ids.auditor,
			purpose: 'reset' as const,
			created_at: '2026-11-30T00:00:00.000Z',
			expires_at: expires,
			used_at: null
		});
		await db
			.insertInto('one_time_tokens')
			.values([link('spent', '2026-12-02T02:59:00.000Z'), link('live', '2026-12-02T03:01:00.000Z')])
			.execute();
		// 90 days before is 3 September 2026 at 03:00.
		const guestLink = (id: string, expires: string) => ({
			id,
			purpose: 'feedback' as const,
			subject_id: 'a-request',
			created_at: '2026-08-20T03:00:00.000Z',
			expires_at: expires,
			used_at: null
		});
		await db
			.insertInto('guest_links')
			.values([
				guestLink('old-guest-link', '2026-09-03T02:59:00.000Z'),
				guestLink('kept-guest-link', '2026-09-03T03:01:00.000Z')
			])
			.execute();
		// Where a request for feedback went: gone once its link has expired.
		const request = (id: string, expires: string) => ({
			id,
			practitioner_id: ids.auditor,
			relationship: 'colleague' as const,
			name: 'A colleague',
			about_id: null,
			created_at: '2026-11-20T03:00:00.000Z',
			expires_at: expires,
			answered_at: null,
			withdrawn_at: null,
			record_id: null
		});
		const expiries = {
			'asked-before': '2026-12-02T03:00:00.000Z',
			'asked-later': '2026-12-02T03:01:00.000Z'
		};
		await db
			.insertInto('feedback_requests')
			.values(Object.entries(expiries).map(([id, expires]) => request(id, expires)))
			.execute();
		await db
			.insertInto('feedback_contacts')
			.values(
				Object.entries(expiries).map(([id, expires]) => ({
					request_id: id,
					email: `${id}@test.example`,
					name: null,
					expires_at: expires
				}))
			)
			.execute();
		const mail = (id: string, created: string) => ({
			id,
			recipient: 'someone@test.example',
			subject: 'A subject',
			body: 'A body',
			created_at: created,
			sent_at: created,
			error: null
		});
		await db
			.insertInto('outbox')
			.values([
				mail('old-mail', '2026-09-03T02:59:00.000Z'),
				mail('new-mail', '2026-09-03T03:01:00.000Z')
			])
			.execute();
		const file = (id: string, uploaded: string) => ({
			id,
			file_name: 'staff.csv',
			content: 'email\r\n',
			content_sha256: '0'.repeat(64),
			everyone: 0,
			create_teams: 0,
			uploaded_by: ids.auditor,
			uploaded_at: uploaded,
			applied_by: null,
			applied_at: null,
			summary: null
		});
		await db
			.insertInto('imports')
			.values([
				file('old-file', '2026-09-03T02:59:00.000Z'),
				file('new-file', '2026-09-03T03:01:00.000Z')
			])
			.execute();
		// The limits look back an hour at most (a reset link's), so these are 61 and 59 minutes old.
		expect(longestWindow).toBe(60 * 60_000);
		const failure = (id: string, at: string) => ({
			id,
			email: 'x@test.example',
			address: '10.0.0.1',
			at
		});
		await db
			.insertInto('sign_in_failures')
			.values([
				failure('old-failure', '2026-12-02T01:59:00.000Z'),
				failure('new-failure', '2026-12-02T02:01:00.000Z')
			])
			.execute();
	}

	it('lists what is due in a dry run, and changes nothing', async () => {
		const report = await runRetention(db, policy, { now, dryRun: true });
		expect(report).toEqual({
			today: '2026-12-02',
			dryRun: true,
			leavers: [{ id: ids.due, leftOn: '2020-12-02' }],
			audits: [{ id: ids.oldAudit, auditedOn: '2020-12-02' }],
			swept: {
				sessions: 1,
				links: 1,
				guestLinks: 1,
				feedbackContacts: 1,
				pendingSignIns: 0,
				signInFailures: 1,
				emails: 1,
				staffFiles: 1
			},
			filesDeleted: 0
		});
		const text = describeRetention(report, policy).join('\n');
		expect(text).toContain('Dry run for 2 December 2026: nothing has been erased.');
		expect(text).toContain('(left on or before 2 December 2020): 1');
		expect(text).toContain(`  ${ids.due}  left 2 December 2020`);
		expect(text).toContain(`  ${ids.oldAudit}  audited 2 December 2020`);
		expect(text).toContain('Emails older than 90 days: 1');
		expect(text).not.toContain('Dana');
		const dana = await db
			.selectFrom('users')
			.select('name')
			.where('id', '=', ids.due)
			.executeTakeFirstOrThrow();
		expect(dana.name).toBe('Dana');
		expect(
			await db.selectFrom('events').select('id').where('action', '=', 'retention.run').execute()
		).toEqual([]);
	});

	it('erases what is due, keeps what is not, and logs counts only', async () => {
		const report = await runRetention(db, policy, { now, dryRun: false });
		expect(report.leavers.map((l) => l.id)).toEqual([ids.due]);
		const people = await db
			.selectFrom('users')
			.select(['id', 'name', 'erased_at'])
			.where('id', 'in', [ids.due, ids.notYet])
			.orderBy('name')
			.execute();
		expect(people).toEqual([
			{ id: ids.due, name: 'Erased person', erased_at: '2026-12-02T03:00:00.000Z' },
			{ id: ids.notYet, name: 'Nell', erased_at: null }
		]);
		const audits = await db.selectFrom('audits').select('id').execute();
		expect(audits).toEqual([{ id: ids.newAudit }]);
		expect(
			await db
				.selectFrom('audit_findings')
				.select('audit_id')
				.where('audit_id', '=', ids.oldAudit)
				.execute()
		).toEqual([]);
		// The learning need the old audit raised is the practitioner's, and stays.
		const need = await db
			.selectFrom('learning_needs')
			.select(['audit_id', 'finding_id', 'description'])
			.where('id', '=', ids.oldNeed)
			.executeTakeFirstOrThrow();
		expect(need).toEqual({ audit_id: null, finding_id: null, description: 'Planning' });
		expect((await db.selectFrom('sessions').select('id').execute()).map((s) => s.id)).toEqual([
			'fresh'
		]);
		expect(
			(await db.selectFrom('one_time_tokens').select('id').execute()).map((s) => s.id)
		).toEqual(['live']);
		expect((await db.selectFrom('outbox').select('id').execute()).map((s) => s.id)).toEqual([
			'new-mail'
		]);
		expect((await db.selectFrom('guest_links').select('id').execute()).map((s) => s.id)).toEqual([
			'kept-guest-link'
		]);
		expect(
			(await db.selectFrom('feedback_contacts').select('request_id').execute()).map(
				(c) => c.request_id
			)
		).toEqual(['asked-later']);
		const left = async (table: 'imports' | 'sign_in_failures') =>
			(await db.selectFrom(table).select('id').execute()).map((r) => r.id);
		expect(await left('imports')).toEqual(['new-file']);
		expect(await left('sign_in_failures')).toEqual(['new-failure']);
		const event = await db
			.selectFrom('events')
			.selectAll()
			.where('action', '=', 'retention.run')
			.executeTakeFirstOrThrow();
		expect(event).toMatchObject({
			actor_id: null,
			subject_type: 'retention',
			subject_id: '2026-12-02'
		});
		expect(JSON.parse(event.detail!)).toEqual({
			leavers: 1,
			audits: 1,
			files: 0,
			sessions: 1,
			links: 1,
			guestLinks: 1,
			feedbackContacts: 1,
			pendingSignIns: 0,
			signInFailures: 1,
			emails: 1,
			staffFiles: 1
		});
	});

	it('finds nothing more due the same day', async () => {
		const report = await runRetention(db, policy, { now, dryRun: true });
		expect(report.leavers).toEqual([]);
		expect(report.audits).toEqual([]);
		expect(Object.values(report.swept).every((n) => n === 0)).toBe(true);
	});
});
