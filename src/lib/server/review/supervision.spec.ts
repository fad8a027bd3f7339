import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createAudit } from '../audit/audits';
import { newId } from '../db/ids';
import { newEnrolment, newUser, testDatabases } from '../db/testing';
import { FieldError } from '../errors';
import { assignRelationship } from '../people/relationships';
import { actionUpdatesOf, openActionsOf } from './supervision-actions';
import { citableAudits } from './supervision-audits';
import { createSupervisionRecord, getSupervisionRecord } from './supervision-records';
import { keepsSchedule, supervisionScheduleOf, supervisionSchedules } from './supervision-schedule';

const now = new Date('2027-01-20T12:00:00Z');
const session = (heldOn: string, actions: { action: string; dueOn: string }[] = []) => ({
	heldOn,
	agenda: 'Caseload',
	discussion: 'We talked about a family where the plan has stalled.',
	decisions: '',
	actions
});

describe.each(testDatabases())('supervision that keeps time on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	async function supervised() {
		const supervisor = await newUser(db, { roles: ['supervisor'] });
		const practitioner = await newUser(db);
		await assignRelationship(db, null, {
			kind: 'practice-supervisor',
			holderId: supervisor,
			practitionerId: practitioner,
			startsOn: '2026-11-01'
		});
		return { supervisor, practitioner };
	}

	/** An audit of someone's work; a finalised one is marked so directly, without its grades. */
	async function newAudit(practitionerId: string, status: 'draft' | 'finalised') {
		const auditor = await newUser(db, { roles: ['auditor'] });
		const id = await createAudit(db, auditor, {
			type: 'journey-and-impact',
			theme: null,
			caseRef: 'C-100001',
			practitionerId,
			managerId: null,
			coAuditorId: null,
			periodStart: '2026-06-01',
			periodEnd: '2026-12-01',
			auditedOn: '2026-12-01'
		});
		if (status === 'finalised')
			await db.updateTable('audits').set({ status }).where('id', '=', id).execute();
		return id;
	}

	it('an action comes back at every session until one marks it done', async () => {
		const { supervisor, practitioner } = await supervised();
		const first = await createSupervisionRecord(
			db,
			supervisor,
			practitioner,
			session('2027-01-05', [
				{ action: 'Arrange the family network meeting', dueOn: '2027-01-19' },
				{ action: 'Read the chronology', dueOn: '2027-01-12' }
			]),
			now
		);
		const open = await openActionsOf(db, practitioner);
		expect(open.map((a) => a.action)).toEqual([
			'Read the chronology',
			'Arrange the family network meeting'
		]);
		const [chronology, network] = open;

		// Every open action needs a decision.
		const refused = createSupervisionRecord(
			db,
			supervisor,
			practitioner,
			session('2027-01-12'),
			now
		);
		await expect(refused).rejects.toThrow(FieldError);
		await expect(refused).rejects.toMatchObject({
			field: `earlier-${chronology.id}`,
			status: 409
		});
		expect(
			await db
				.selectFrom('supervision_records')
				.select('id')
				.where('practitioner_id', '=', practitioner)
				.execute()
		).toHaveLength(1);

		const second = await createSupervisionRecord(
			db,
			supervisor,
			practitioner,
			{
				...session('2027-01-12'),
				earlierActions: { [chronology.id]: 'done', [network.id]: 'carried' }
			},
			now
		);
		expect((await openActionsOf(db, practitioner)).map((a) => a.id)).toEqual([network.id]);
		expect(
			(await actionUpdatesOf(db, second)).map((u) => [u.action, u.outcome, u.agreedOn])
		).toEqual([
			['Read the chronology', 'done', '2027-01-05'],
			['Arrange the family network meeting', 'carried', '2027-01-05']
		]);

		const third = await createSupervisionRecord(
			db,
			supervisor,
			practitioner,
			{ ...session('2027-01-19'), earlierActions: { [network.id]: 'done' } },
			now
		);
		expect(await openActionsOf(db, practitioner)).toEqual([]);
		expect((await actionUpdatesOf(db, third)).map((u) => u.outcome)).toEqual(['done']);
		expect((await getSupervisionRecord(db, first))!.actions.map((a) => a.status)).toEqual([
			'done',
			'done'
		]);
	});

	it('an action dropped is no longer open, and says so on the record that agreed it', async () => {
		const { supervisor, practitioner } = await supervised();
		const first = await createSupervisionRecord(
			db,
			supervisor,
			practitioner,
			session('2027-01-05', [{ action: 'Shadow a conference chair', dueOn: '2027-02-01' }]),
			now
		);
		const [action] = await openActionsOf(db, practitioner);
		await createSupervisionRecord(
			db,
			supervisor,
			practitioner,
			{ ...session('2027-01-12'), earlierActions: { [action.id]: 'dropped' } },
			now
		);
		expect(await openActionsOf(db, practitioner)).toEqual([]);
		expect((await getSupervisionRecord(db, first))!.actions[0].status).toBe('dropped');
	});

	it('cites only a finalised audit of the practitioner’s own work', async () => {
		const { supervisor, practitioner } = await supervised();
		const other = await newUser(db);
		const finalised = await newAudit(practitioner, 'finalised');
		const draft = await newAudit(practitioner, 'draft');
		const someoneElses = await newAudit(other, 'finalised');
		expect((await citableAudits(db, practitioner)).map((a) => a.id)).toEqual([finalised]);
		for (const auditId of [draft, someoneElses, 'no-such-audit'])
			await expect(
				createSupervisionRecord(
					db,
					supervisor,
					practitioner,
					{ ...session('2027-01-05'), auditId },
					now
				)
			).rejects.toMatchObject({ field: 'auditId' });
		const id = await createSupervisionRecord(
			db,
			supervisor,
			practitioner,
			{ ...session('2027-01-05'), auditId: finalised },
			now
		);
		expect((await getSupervisionRecord(db, id))!.audit_id).toBe(finalised);
	});

	it('refuses a session dated after today', async () => {
		const { supervisor, practitioner } = await supervised();
		await expect(
			createSupervisionRecord(db, supervisor, practitioner, session('2027-01-21'), now)
		).rejects.toMatchObject({ field: 'heldOn' });
	});

	it('schedules an ASYE from its start, met by the records held, whoever wrote them', async () => {
		const { supervisor, practitioner } = await supervised();
		const manager = await newUser(db, { roles: ['supervisor'] });
		await assignRelationship(db, null, {
			kind: 'line-manager',
			holderId: manager,
			practitionerId: practitioner,
			startsOn: '2026-11-01'
		});
		await newEnrolment(db, practitioner, '2026-12-01');
		// Weekly from 8 December: the first two held, by each of them; the third not.
		await createSupervisionRecord(db, supervisor, practitioner, session('2026-12-08'), now);
		await createSupervisionRecord(db, manager, practitioner, session('2026-12-14'), now);
		const schedule = (await supervisionScheduleOf(db, practitioner, '2026-12-23'))!;
		expect(schedule.sessions.slice(0, 4).map((s) => [s.dueOn, s.state])).toEqual([
			['2026-12-08', 'met'],
			['2026-12-15', 'met'],
			['2026-12-22', 'overdue'],
			['2026-12-29', 'due']
		]);
		expect(schedule).toMatchObject({
			nextDueOn: '2026-12-22',
			overdue: 1,
			overdueSince: '2026-12-22'
		});

		// Someone on no programme has no schedule.
		const experienced = await newUser(db);
		expect(await supervisionSchedules(db, [practitioner, experienced], '2026-12-23')).toSatisfy(
			(m: Map<string, unknown>) => m.has(practitioner) && !m.has(experienced)
		);

		// The practice supervisor keeps the schedule; the line manager only without one.
		expect(await keepsSchedule(db, supervisor, practitioner, '2026-12-23')).toBe(true);
		expect(await keepsSchedule(db, manager, practitioner, '2026-12-23')).toBe(false);
		await db
			.updateTable('supervisions')
			.set({ ends_on: '2026-12-20' })
			.where('supervisee_id', '=', practitioner)
			.where('kind', '=', 'practice-supervisor')
			.execute();
		expect(await keepsSchedule(db, manager, practitioner, '2026-12-23')).toBe(true);
	});

	it('a pause moves the sessions after it', async () => {
		const { supervisor, practitioner } = await supervised();
		const enrolment = await newEnrolment(db, practitioner, '2026-12-01');
		await db
			.insertInto('enrolment_pauses')
			.values({
				id: newId(),
				enrolment_id: enrolment,
				starts_on: '2026-12-20',
				ends_on: '2027-01-17',
				created_by: supervisor,
				created_at: '2026-12-20T09:00:00.000Z'
			})
			.execute();
		const schedule = (await supervisionScheduleOf(db, practitioner, '2027-01-20'))!;
		expect(schedule.sessions.slice(2, 4).map((s) => s.dueOn)).toEqual(['2027-01-19', '2027-01-26']);
		// None held: the two before the pause and the first after it are overdue.
		expect(schedule).toMatchObject({ overdue: 3, overdueSince: '2026-12-08' });
	});
});
