import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { migrateToLatest } from '../db/migrate';
import { migrations } from '../db/migrations';
import { newUser, readingAllSchemas, testDatabases } from '../db/testing';
import { FieldError } from '../errors';
import {
	assignRelationship,
	assignSupervision,
	assignSupervisor,
	currentRelationships,
	endRelationship,
	holderOf,
	holds,
	kindsHeldBy,
	practitionersOf,
	relationshipHistory
} from './relationships';

/** The field a refusal names, or undefined when there is none. */
const refusal = (change: Promise<unknown>) =>
	change.then(
		() => undefined,
		(e: unknown) => {
			if (!(e instanceof FieldError)) throw e;
			return { field: e.field, message: e.message };
		}
	);

describe('who may hold which relationship', () => {
	it('supervisors any kind; external assessors only assessing; others none', () => {
		expect(kindsHeldBy(['supervisor'])).toEqual([
			'line-manager',
			'practice-supervisor',
			'assessor'
		]);
		expect(kindsHeldBy(['external-assessor'])).toEqual(['assessor']);
		expect(kindsHeldBy(['practitioner', 'auditor', 'psw', 'admin'])).toEqual([]);
	});
});

describe.each(testDatabases())('relationships on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	it('keeps each kind’s history: a new holder ends the current one the day they start', async () => {
		const [first, second, practitioner] = [
			await newUser(db, { roles: ['supervisor'] }),
			await newUser(db, { roles: ['supervisor'] }),
			await newUser(db)
		];
		const assign = (holderId: string, startsOn: string) =>
			assignRelationship(db, null, {
				kind: 'assessor',
				holderId,
				practitionerId: practitioner,
				startsOn
			});
		await assign(first, '2026-01-05');
		expect(await holds(db, first, practitioner, ['assessor'], '2026-01-04')).toBe(false);
		expect(await holds(db, first, practitioner, ['assessor'], '2026-01-05')).toBe(true);
		await assign(second, '2026-06-01');
		expect(await holds(db, first, practitioner, ['assessor'], '2026-05-31')).toBe(true);
		expect(await holds(db, first, practitioner, ['assessor'], '2026-06-01')).toBe(false);
		expect(await holds(db, second, practitioner, ['assessor'], '2026-06-01')).toBe(true);
		// Assessing is not line managing.
		expect(await holds(db, second, practitioner, ['line-manager'], '2026-06-01')).toBe(false);
		expect(await relationshipHistory(db, practitioner)).toMatchObject([
			{ kind: 'assessor', starts_on: '2026-06-01', ends_on: null },
			{ kind: 'assessor', starts_on: '2026-01-05', ends_on: '2026-06-01' }
		]);

		expect(await refusal(assign(second, '2026-08-01'))).toEqual({
			field: 'holderId',
			message: 'This person is already their assessor'
		});
		expect(await refusal(assign(first, '2026-06-01'))).toEqual({
			field: 'startsOn',
			message: 'The current assessor started on 1 June 2026; the new one must start after that'
		});
		expect((await refusal(assign(practitioner, '2026-08-01')))?.field).toBe('holderId');
	});

	it('one holder of each kind at a time; one person may hold several kinds', async () => {
		const [manager, supervisor, assessor, practitioner] = [
			await newUser(db, { roles: ['supervisor'] }),
			await newUser(db, { roles: ['supervisor'] }),
			await newUser(db, { roles: ['external-assessor'] }),
			await newUser(db, { name: 'Pat Practitioner' })
		];
		const startsOn = '2026-02-01';
		await assignSupervisor(db, null, {
			supervisorId: manager,
			superviseeId: practitioner,
			startsOn
		});
		await assignRelationship(db, null, {
			kind: 'practice-supervisor',
			holderId: supervisor,
			practitionerId: practitioner,
			startsOn: '2026-03-01'
		});
		await assignRelationship(db, null, {
			kind: 'assessor',
			holderId: assessor,
			practitionerId: practitioner,
			startsOn: '2026-04-01'
		});
		const on = '2026-05-01';
		expect(
			(await currentRelationships(db, practitioner, on)).map((r) => [r.kind, r.holderId])
		).toEqual([
			['line-manager', manager],
			['practice-supervisor', supervisor],
			['assessor', assessor]
		]);
		expect(await holderOf(db, practitioner, 'assessor', on)).toMatchObject({ id: assessor });
		// Before the changes, the manager held all three.
		expect((await practitionersOf(db, manager, undefined, '2026-02-15'))[0]).toMatchObject({
			id: practitioner,
			kinds: ['line-manager', 'practice-supervisor', 'assessor']
		});
		expect((await practitionersOf(db, manager, undefined, on))[0].kinds).toEqual(['line-manager']);
		expect(await practitionersOf(db, manager, ['assessor'], on)).toEqual([]);
		expect((await practitionersOf(db, assessor, ['assessor'], on)).map((p) => p.name)).toEqual([
			'Pat Practitioner'
		]);
		// All three again: only the kinds the manager no longer holds change hands.
		await assignSupervision(db, null, {
			kind: 'all',
			supervisorId: manager,
			superviseeId: practitioner,
			startsOn: '2026-07-01'
		});
		expect((await practitionersOf(db, manager, undefined, '2026-07-01'))[0].kinds).toEqual([
			'line-manager',
			'practice-supervisor',
			'assessor'
		]);
		expect(await holds(db, assessor, practitioner, undefined, '2026-07-01')).toBe(false);
		expect(
			await refusal(
				assignSupervision(db, null, {
					kind: 'all',
					supervisorId: manager,
					superviseeId: practitioner,
					startsOn: '2026-08-01'
				})
			)
		).toMatchObject({ field: 'supervisorId' });
	});

	it('an external assessor may only assess, and only while they hold the role', async () => {
		const assessor = await newUser(db, { roles: ['external-assessor'] });
		const practitioner = await newUser(db);
		const startsOn = '2026-01-01';
		for (const kind of ['line-manager', 'practice-supervisor'] as const)
			expect(
				await refusal(
					assignRelationship(db, null, {
						kind,
						holderId: assessor,
						practitionerId: practitioner,
						startsOn
					})
				)
			).toMatchObject({ field: 'holderId', message: /can only be an assessor/ });
		await assignRelationship(db, null, {
			kind: 'assessor',
			holderId: assessor,
			practitionerId: practitioner,
			startsOn
		});
		expect(await holds(db, assessor, practitioner, undefined, '2026-02-01')).toBe(true);
		await db.deleteFrom('user_roles').where('user_id', '=', assessor).execute();
		expect(await holds(db, assessor, practitioner, undefined, '2026-02-01')).toBe(false);
		expect(await practitionersOf(db, assessor, undefined, '2026-02-01')).toEqual([]);
	});

	it('an ended assignment gives no access from its end date, and is kept', async () => {
		const assessor = await newUser(db, { roles: ['external-assessor'] });
		const practitioner = await newUser(db);
		const id = await assignRelationship(db, null, {
			kind: 'assessor',
			holderId: assessor,
			practitionerId: practitioner,
			startsOn: '2026-01-05'
		});
		expect(await refusal(endRelationship(db, assessor, id, '2026-01-05'))).toMatchObject({
			message: 'The end date must be after the start date'
		});
		await endRelationship(db, assessor, id, '2026-09-01');
		expect(await holds(db, assessor, practitioner, undefined, '2026-08-31')).toBe(true);
		expect(await holds(db, assessor, practitioner, undefined, '2026-09-01')).toBe(false);
		expect(await practitionersOf(db, assessor, undefined, '2026-09-02')).toEqual([]);
		expect(await refusal(endRelationship(db, assessor, id, '2026-10-01'))).toMatchObject({
			message: 'This relationship has already ended'
		});
		expect(await relationshipHistory(db, practitioner)).toMatchObject([
			{ id, ends_on: '2026-09-01' }
		]);
		const events = await db
			.selectFrom('events')
			.select(['action', 'detail'])
			.where('subject_id', '=', practitioner)
			.orderBy('at')
			.execute();
		expect(events.map((e) => e.action)).toEqual(['relationship.assigned', 'relationship.ended']);
		expect(JSON.parse(events[0].detail!)).toMatchObject({ kind: 'assessor' });
	});

	it('assigns in the caller’s transaction, undone with it', async () => {
		const assessor = await newUser(db, { roles: ['external-assessor'] });
		const practitioner = await newUser(db);
		await expect(
			db.transaction().execute(async (tx) => {
				await assignRelationship(tx, null, {
					kind: 'assessor',
					holderId: assessor,
					practitionerId: practitioner,
					startsOn: '2026-01-01'
				});
				expect(await holds(tx, assessor, practitioner, undefined, '2026-01-02')).toBe(true);
				throw new Error('changed my mind');
			})
		).rejects.toThrow('changed my mind');
		expect(await relationshipHistory(db, practitioner)).toEqual([]);
	});

	it('refuses a practitioner or holder who is not there', async () => {
		const supervisor = await newUser(db, { roles: ['supervisor'] });
		const leaver = await newUser(db, { roles: ['supervisor'], active: false });
		const practitioner = await newUser(db);
		const unknown = '00000000-0000-4000-8000-000000000000';
		const assign = (holderId: string, practitionerId: string) =>
			refusal(
				assignRelationship(db, null, {
					kind: 'line-manager',
					holderId,
					practitionerId,
					startsOn: '2026-01-01'
				})
			);
		expect((await assign(supervisor, unknown))?.field).toBe('practitionerId');
		expect((await assign(leaver, practitioner))?.field).toBe('holderId');
		expect((await assign(practitioner, supervisor))?.field).toBe('holderId');
		expect(
			await refusal(
				assignRelationship(db, null, {
					kind: 'mentor' as 'assessor',
					holderId: supervisor,
					practitionerId: practitioner,
					startsOn: '2026-01-01'
				})
			)
		).toMatchObject({ field: 'kind' });
	});
});

describe.each(testDatabases())('the relationships migration on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(
		async () =>
			({ db, close } = await database.open(
				Object.fromEntries(
					Object.entries(migrations).filter(([name]) => name < '2026-11-30-01-relationships')
				)
			))
	);
	afterAll(() => close());

	it('turns each supervision into the three relationships, with the same dates', async () => {
		const supervisor = await newUser(db, { roles: ['supervisor'] });
		const practitioner = await newUser(db);
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table before the change
		await (db as Kysely<any>)
			.insertInto('supervisions')
			.values(
				[
					['2025-01-01', '2025-06-01'],
					['2025-06-01', null]
				].map(([startsOn, endsOn], index) => ({
					id: `supervision-${index}`,
					supervisor_id: supervisor,
					supervisee_id: practitioner,
					starts_on: startsOn,
					ends_on: endsOn,
					created_by: null,
					created_at: '2025-01-01T00:00:00.000Z'
				}))
			)
			.execute();
		expect((await readingAllSchemas(db, () => migrateToLatest(db)))[0]).toBe(
			'2026-11-30-01-relationships'
		);
		const rows = await relationshipHistory(db, practitioner);
		expect(rows.map((r) => [r.kind, r.starts_on, r.ends_on])).toEqual([
			['line-manager', '2025-06-01', null],
			['line-manager', '2025-01-01', '2025-06-01'],
			['practice-supervisor', '2025-06-01', null],
			['practice-supervisor', '2025-01-01', '2025-06-01'],
			['assessor', '2025-06-01', null],
			['assessor', '2025-01-01', '2025-06-01']
		]);
		expect(new Set(rows.map((r) => r.id)).size).toBe(6);
		expect((await practitionersOf(db, supervisor, undefined, '2026-01-01'))[0].kinds).toEqual([
			'line-manager',
			'practice-supervisor',
			'assessor'
		]);
	});
});
