import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoContent } from '../content/demo';
import { seedDemoAuthority } from '../demo/seed';
import { programmeMonth } from '../programme/month';
import { programmeFor } from '../programme';
import { openActionsOf } from '../review/supervision-actions';
import { supervisionSchedules } from '../review/supervision-schedule';
import { practitionersOf } from '../people/relationships';
import { verifySignoffs } from '../signoff/verify';
import type { Db } from './index';
import { createDb } from './index';
import { migrateToLatest } from './migrate';
import { migrations } from './migrations';
import { newUser, ownTables, readingAllSchemas, testDatabases } from './testing';
import { dateOnly } from './time';

describe('createDb', () => {
	it('opens SQLite with WAL, foreign keys, a busy timeout and synchronous=FULL', async () => {
		const db = createDb(
			`file:${process.env.TMPDIR ?? '/tmp'}/golden-thread-pragmas-${process.pid}.db`
		);
		const pragma = async (name: string) =>
			Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0];
		expect(await pragma('journal_mode')).toBe('wal');
		expect(await pragma('foreign_keys')).toBe(1);
		expect(await pragma('busy_timeout')).toBe(5000);
		expect(await pragma('synchronous')).toBe(2); // FULL
		await db.destroy();
	});

	it('explains a DATABASE_URL it cannot use', () => {
		expect(() => createDb('mysql://user:secret@host/db')).toThrow(
			/must start with "file:".*"mysql:\/\/…@host\/db"/
		);
	});
});

describe.each(testDatabases())('the database on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	it('leaves the database as it was when a migration fails', async () => {
		const broken = {
			...migrations,
			'2099-01-01-01-broken': {
				async up(tx: Parameters<(typeof migrations)[string]['up']>[0]) {
					await tx.schema.createTable('half_done').addColumn('id', 'text').execute();
					await sql`select * from no_such_table`.execute(tx);
				}
			}
		};
		await expect(readingAllSchemas(db, () => migrateToLatest(db, broken))).rejects.toThrow(
			/migration "2099-01-01-01-broken" failed, so nothing was changed/
		);
		expect(await ownTables(db)).not.toContain('half_done');
		expect(await readingAllSchemas(db, () => migrateToLatest(db))).toEqual([]);
	});

	it('keeps text with NUL characters out of the database, in values, lists and raw SQL', async () => {
		const name = 'Sam\0 Okoro';
		const id = await newUser(db, { email: `nul\0-${Date.now()}@example.gov.uk`, name, roles: [] });
		const stored = await db
			.selectFrom('users')
			.select(['name', 'email'])
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(stored.name).toBe('Sam Okoro');
		expect(stored.email).not.toContain('\0');
		const found = await db
			.selectFrom('users')
			.select('id')
			.where('id', 'in', [`${id}\0`, 'x'])
			.where(sql<boolean>`name = ${name}`)
			.execute();
		expect(found).toEqual([{ id }]);
	});

	it('holds the demo authority: 3 teams, 31 practitioners (one a new starter), 12 ASYEs, and the named sign-ins', async () => {
		await seedDemoAuthority(db);
		const count = async (role: string) =>
			(
				await db
					.selectFrom('user_roles')
					.select('user_id')
					.where('role', '=', role as 'admin')
					.execute()
			).length;
		expect(await count('practitioner')).toBe(31);
		expect(await count('supervisor')).toBe(6);
		expect(await count('auditor')).toBe(3);
		expect(await count('psw')).toBe(1);
		expect(await count('admin')).toBe(1);
		expect(await count('external-assessor')).toBe(1);
		expect(await db.selectFrom('teams').select('id').execute()).toHaveLength(3);

		const byEmail = async (email: string) =>
			db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
		const priya = await byEmail('practitioner@demo.test');
		const chris = await byEmail('colleague@demo.test');
		const sam = await byEmail('supervisor@demo.test');
		expect(chris.team_id).toBe(priya.team_id);
		const enrolments = await db.selectFrom('enrolments').selectAll().execute();
		expect(enrolments).toHaveLength(12);
		const starter = await byEmail('new.starter@demo.test');
		expect(starter.team_id).toBe(priya.team_id);
		expect(enrolments.some((e) => e.user_id === starter.id)).toBe(false);
		const months = enrolments
			.map((e) => programmeMonth(e.starts_on, dateOnly()))
			.sort((a, b) => a - b);
		expect(months).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
		const priyaStart = enrolments.find((e) => e.user_id === priya.id)!.starts_on;
		expect(programmeMonth(priyaStart, dateOnly())).toBe(5);
		const samSupervises = (await practitionersOf(db, sam.id)).map((s) => s.email);
		expect(samSupervises).toContain('practitioner@demo.test');
		expect(samSupervises).not.toContain('colleague@demo.test');
		// The external assessor assesses two ASYEs, whose supervisor still line-manages them.
		const irene = await byEmail('assessor@demo.test');
		const assessed = await practitionersOf(db, irene.id);
		expect(assessed.map((p) => [p.email, p.kinds])).toEqual([
			['aisha.bello@demo.test', ['assessor']],
			['tom.ellis@demo.test', ['assessor']]
		]);
		expect((await practitionersOf(db, sam.id)).find((p) => p.id === assessed[0].id)?.kinds).toEqual(
			['line-manager', 'practice-supervisor']
		);
		expect(demoContent().people.every((p) => p.email.endsWith('@demo.test'))).toBe(true);

		// Portfolios at every stage, and a self-assessment and a file for the demo ASYE.
		const statuses = await db
			.selectFrom('evidence')
			.select('status')
			.where('owner_id', '=', priya.id)
			.execute();
		expect(new Set(statuses.map((s) => s.status))).toEqual(
			new Set(['draft', 'submitted', 'accepted', 'returned'])
		);
		expect(
			await db.selectFrom('self_assessments').select('id').where('user_id', '=', priya.id).execute()
		).toHaveLength(1);
		expect(await db.selectFrom('attachments').select('id').execute()).toHaveLength(1);
		expect((await db.selectFrom('signoffs').select('id').execute()).length).toBeGreaterThan(3);
		expect(await verifySignoffs(db)).toMatchObject({ cannotCheck: null, problems: [] });

		// Review points: one deliberately overdue, the rest that fell due recorded.
		const sara = await byEmail('sara.novak@demo.test');
		const saraReviews = (await programmeFor(db, sara.id))!.reviews;
		expect(saraReviews.find((r) => r.id === 'month-6')?.state).toBe('overdue');
		expect(saraReviews.find((r) => r.id === 'month-3')?.state).toBe('done');
		const maya = (await programmeFor(db, (await byEmail('maya.joseph@demo.test')).id))!;
		expect(maya.fte).toBe(0.6);
		expect(maya.reviews[0].dueOn).not.toBe(maya.reviews[0].plannedOn);
		expect(
			(await programmeFor(db, priya.id))!.reviews.filter((r) => r.state === 'overdue')
		).toEqual([]);
		// One by her assessor (month 4), and one from outside the authority by invitation.
		const observed = await db
			.selectFrom('observations')
			.select(['observer_id', 'observer_name'])
			.where('practitioner_id', '=', priya.id)
			.orderBy('observed_on')
			.execute();
		expect(observed).toEqual([
			{ observer_id: expect.any(String), observer_name: null },
			{ observer_id: null, observer_name: 'Dr Ama Owusu' }
		]);

		// Supervision: every ASYE's sessions due held, but Ryan Cole's latest, missed on purpose.
		const asyes = await db
			.selectFrom('enrolments')
			.innerJoin('users', 'users.id', 'enrolments.user_id')
			.select(['users.id', 'users.email'])
			.execute();
		const schedules = await supervisionSchedules(
			db,
			asyes.map((a) => a.id)
		);
		const overdue = asyes.filter((a) => schedules.get(a.id)!.overdue > 0).map((a) => a.email);
		expect(overdue).toEqual(['ryan.cole@demo.test']);
		expect(
			schedules.get(priya.id)!.sessions.filter((s) => s.state === 'met').length
		).toBeGreaterThan(10);
		expect((await openActionsOf(db, priya.id)).map((a) => a.action)).toEqual([
			demoContent().programme.supervision.action
		]);
		const citing = await db
			.selectFrom('supervision_records')
			.select('id')
			.where('audit_id', 'is not', null)
			.execute();
		expect(citing.length).toBeGreaterThan(0);
		// Seeding makes hundreds of records: seconds on a busy machine shared with other runs.
	}, 60_000);
});

// PostgreSQL alone: its settings for the app's connections.
describe.each(testDatabases().filter((d) => d.name === 'PostgreSQL'))(
	"the app's connections to $name",
	(database) => {
		let db: Db;
		let close: () => Promise<void>;
		beforeAll(async () => ({ db, close } = await database.open()));
		afterAll(() => close());

		it('is asked not to compile queries just in time nor start parallel workers, on every connection', async () => {
			// Several at once, so that the pool opens more than one connection.
			const settings = await Promise.all(
				Array.from({ length: 3 }, () =>
					sql<{
						jit: string;
						workers: string;
					}>`select current_setting('jit') as jit, current_setting('max_parallel_workers_per_gather') as workers, pg_sleep(0.05)`.execute(
						db
					)
				)
			);
			expect(settings.map((s) => [s.rows[0].jit, s.rows[0].workers])).toEqual([
				['off', '0'],
				['off', '0'],
				['off', '0']
			]);
		});
	}
);
