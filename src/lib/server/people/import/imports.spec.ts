import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../db';
import { newUser, testDatabases } from '../../db/testing';
import { dateOnly } from '../../db/time';
import { openHandovers } from '../handovers';
import { deactivatePerson } from '../leavers';
import { assignRelationship, currentRelationships } from '../relationships';
import { createTeam } from '../teams';
import { getPerson } from '../users';
import { applyImport, checkStaffFile, importReview, planDigest } from './imports';

const header =
	'email,given_name,family_name,team,roles,career_stage,swe_registration,line_manager_email,start_date';
const file = (rows: string[], options: { everyone?: boolean; createTeams?: boolean } = {}) => ({
	fileName: 'staff.csv',
	bytes: new TextEncoder().encode([header, ...rows].join('\r\n')),
	everyone: options.everyone ?? false,
	createTeams: options.createTeams ?? false
});
const origin = 'http://localhost';

/** Every row of the tables a staff file changes, to show that a dry run changes none. */
async function everything(db: Db) {
	const tables = [
		'users',
		'user_roles',
		'teams',
		'supervisions',
		'events',
		'outbox',
		'one_time_tokens',
		'handovers',
		'imports'
	] as const;
	return Promise.all(tables.map((table) => db.selectFrom(table).selectAll().execute()));
}

describe.each(testDatabases())('staff from HR on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	it('applies a checked file in one go: teams, people, line managers, leavers, invitations', async () => {
		const admin = await newUser(db, { roles: ['admin'], email: 'admin@apply.gov.uk' });
		const manager = await newUser(db, { roles: ['supervisor'], email: 'lee@apply.gov.uk' });
		const north = await createTeam(db, admin, 'Apply North', manager);
		const stays = await newUser(db, { email: 'stays@apply.gov.uk', name: 'Sue Stays' });
		const leaves = await newUser(db, { roles: ['supervisor'], email: 'leaves@apply.gov.uk' });
		const checked = await checkStaffFile(
			db,
			admin,
			file(
				[
					'admin@apply.gov.uk,Ada,Admin,,admin,,,,',
					'lee@apply.gov.uk,Lee,Lead,Apply North,supervisor,,,,',
					'stays@apply.gov.uk,Sue,Stays,Apply North,,,SW77,lee@apply.gov.uk,',
					'new@apply.gov.uk,Nia,New,Apply East,practitioner,ASYE,,lee@apply.gov.uk,1/9/2026'
				],
				{ everyone: true, createTeams: true }
			)
		);
		expect(checked.plan.problems).toEqual([]);
		const id = (checked as { id: string }).id;
		const review = (await importReview(db, admin, id))!;
		expect(review.plan?.add.map((a) => a.email)).toEqual(['new@apply.gov.uk']);
		expect(review.plan?.deactivate.map((d) => d.personId)).toEqual([leaves]);

		await expect(applyImport(db, admin, id, 'not the digest', origin)).rejects.toMatchObject({
			status: 409
		});
		const summary = await applyImport(db, admin, id, review.digest!, origin);

		expect(summary).toEqual({ added: 1, changed: 3, deactivated: 1, teamsCreated: 1, invited: 1 });
		const added = await db
			.selectFrom('users')
			.selectAll()
			.where('email', '=', 'new@apply.gov.uk')
			.executeTakeFirstOrThrow();
		const east = await db
			.selectFrom('teams')
			.select('id')
			.where('name', '=', 'Apply East')
			.executeTakeFirstOrThrow();
		expect(added).toMatchObject({ name: 'Nia New', career_stage: 'asye', team_id: east.id });
		expect((await currentRelationships(db, added.id)).map((r) => [r.kind, r.holderId])).toEqual([
			['line-manager', manager]
		]);
		expect(await getPerson(db, stays)).toMatchObject({ swe_number: 'SW77', team_id: north });
		expect((await getPerson(db, leaves))?.active).toBe(0);
		const invitations = await db
			.selectFrom('outbox')
			.select('recipient')
			.where('recipient', '=', 'new@apply.gov.uk')
			.execute();
		expect(invitations).toHaveLength(1);
		expect((await importReview(db, admin, id))?.summary).toEqual(summary);
		await expect(applyImport(db, admin, id, review.digest!, origin)).rejects.toMatchObject({
			message: 'This file has been applied already'
		});
	});

	it('refuses to apply a file when people changed after its dry run, changing nothing', async () => {
		const admin = await newUser(db, { roles: ['admin'] });
		const checked = await checkStaffFile(
			db,
			admin,
			file(['late@apply.gov.uk,Lou,Late,,practitioner,,,,'])
		);
		const id = (checked as { id: string }).id;
		const { digest } = (await importReview(db, admin, id))!;
		await newUser(db, { email: 'late@apply.gov.uk', name: 'Someone Else' });
		const before = await everything(db);
		await expect(applyImport(db, admin, id, digest!, origin)).rejects.toMatchObject({
			field: 'apply',
			status: 409
		});
		expect(await everything(db)).toEqual(before);
	});

	it('sends no invitation under single sign-on', async () => {
		const admin = await newUser(db, { roles: ['admin'] });
		const checked = await checkStaffFile(
			db,
			admin,
			file(['sso@apply.gov.uk,Sol,Sso,,practitioner,,,,'])
		);
		const id = (checked as { id: string }).id;
		vi.stubEnv('OIDC_ISSUER', 'https://login.example.gov.uk');
		try {
			const { digest } = (await importReview(db, admin, id))!;
			expect(await applyImport(db, admin, id, digest!, origin)).toMatchObject({ invited: 0 });
		} finally {
			vi.unstubAllEnvs();
		}
		const mail = await db
			.selectFrom('outbox')
			.selectAll()
			.where('recipient', '=', 'sso@apply.gov.uk')
			.execute();
		expect(mail).toEqual([]);
	});

	it('hands a leaver’s supervisees to the line manager the same file gives them', async () => {
		const admin = await newUser(db, { roles: ['admin'] });
		const leaver = await newUser(db, { roles: ['supervisor'], email: 'old.lead@hand.gov.uk' });
		await newUser(db, { roles: ['supervisor'], email: 'new.lead@hand.gov.uk' });
		const practitioner = await newUser(db, { email: 'pat@hand.gov.uk' });
		await db
			.insertInto('supervisions')
			.values({
				id: crypto.randomUUID(),
				kind: 'practice-supervisor',
				supervisor_id: leaver,
				supervisee_id: practitioner,
				starts_on: '2026-01-05',
				ends_on: null,
				created_by: admin,
				created_at: new Date().toISOString()
			})
			.execute();
		const checked = await checkStaffFile(
			db,
			admin,
			file(['pat@hand.gov.uk,,,,,,,new.lead@hand.gov.uk,', 'old.lead@hand.gov.uk,,,,,,,,'])
		);
		const id = (checked as { id: string }).id;
		const { plan, digest } = (await importReview(db, admin, id))!;
		expect(plan?.change.map((c) => c.email)).toEqual(['pat@hand.gov.uk']);
		expect(planDigest(plan!)).toBe(digest);
		// Without "everyone", the old lead stays; deactivated by hand, Pat goes to the new lead.
		await applyImport(db, admin, id, digest!, origin);
		await deactivatePerson(db, admin, leaver);
		const newLead = (await db
			.selectFrom('users')
			.select('id')
			.where('email', '=', 'new.lead@hand.gov.uk')
			.executeTakeFirstOrThrow())!.id;
		expect(
			(await openHandovers(db, { id: newLead, roles: ['supervisor'] })).map((h) => h.unheld)
		).toEqual([['practice-supervisor']]);
	});

	it('changes a line manager from today, ending the one before', async () => {
		const admin = await newUser(db, { roles: ['admin'] });
		const before = await newUser(db, { roles: ['supervisor'], email: 'before@change.gov.uk' });
		const after = await newUser(db, { roles: ['supervisor'], email: 'after@change.gov.uk' });
		const practitioner = await newUser(db, { email: 'moves@change.gov.uk' });
		await assignRelationship(db, admin, {
			kind: 'line-manager',
			holderId: before,
			practitionerId: practitioner,
			startsOn: '2026-01-05'
		});
		const checked = await checkStaffFile(
			db,
			admin,
			file(['moves@change.gov.uk,,,,,,,after@change.gov.uk,'])
		);
		const id = (checked as { id: string }).id;
		const { digest } = (await importReview(db, admin, id))!;
		await applyImport(db, admin, id, digest!, origin);
		const history = await db
			.selectFrom('supervisions')
			.select(['supervisor_id', 'ends_on'])
			.where('supervisee_id', '=', practitioner)
			.orderBy('starts_on')
			.execute();
		expect(history).toEqual([
			{ supervisor_id: before, ends_on: dateOnly() },
			{ supervisor_id: after, ends_on: null }
		]);
	});

	it('names every bad row of 2,000 in a dry run, and changes nothing', async () => {
		const admin = await newUser(db, { roles: ['admin'] });
		await createTeam(db, admin, 'Bulk Team', null);
		await newUser(db, { roles: ['supervisor'], email: 'bulk.lead@bulk.gov.uk' });
		const bad = new Map<number, string>([
			[7, 'not-an-email,Bad,Email,Bulk Team,practitioner,,,,'],
			[150, 'x150@bulk.gov.uk,Bad,Team,Nowhere,practitioner,,,,'],
			[300, 'x300@bulk.gov.uk,Bad,Role,Bulk Team,manager,,,,'],
			[420, 'x420@bulk.gov.uk,Bad,Date,Bulk Team,practitioner,,,,31/02/2026'],
			[555, 'x555@bulk.gov.uk,Bad,Swe,Bulk Team,practitioner,,12345,,'],
			[610, 'x610@bulk.gov.uk,Bad,Manager,Bulk Team,practitioner,,,nobody@bulk.gov.uk,'],
			[777, 'p1@bulk.gov.uk,Dup,Licate,Bulk Team,practitioner,,,,'],
			[800, 'x800@bulk.gov.uk,,Nameless,Bulk Team,practitioner,,,,'],
			[901, 'x901@bulk.gov.uk,Bad,Stage,Bulk Team,practitioner,NQSW,,,'],
			[1000, 'x1000@bulk.gov.uk,Bad,Manager,Bulk Team,practitioner,,,p5@bulk.gov.uk,'],
			[1111, 'x1111@bulk.gov.uk,No,Roles,Bulk Team,,,,,'],
			[1200, 'x1200@bulk.gov.uk,Short,Year,Bulk Team,practitioner,,,,1/2/26'],
			[1333, 'x1333@bulk.gov.uk,Own,Manager,Bulk Team,supervisor,,,x1333@bulk.gov.uk,'],
			[1400, 'x1400@bulk.gov.uk,Bad,Stage,Bulk Team,practitioner,Expert,,,'],
			[1500, 'x1500@bulk.gov.uk,Two,Bad,Bulk Team,wizard,,SW,,'],
			[1600, 'x1600@bulk.gov.uk,Bad,Team,Bulk Teem,practitioner,,,,'],
			[1700, 'x1700@@bulk.gov.uk,Bad,Email,Bulk Team,practitioner,,,,'],
			[1800, 'x1800@bulk.gov.uk,Bad,Date,Bulk Team,practitioner,,,,tomorrow'],
			[1900, 'x1900@bulk.gov.uk,Bad,Manager,Bulk Team,practitioner,,,lead@,'],
			[1999, 'p2@bulk.gov.uk,Dup,Again,Bulk Team,practitioner,,,,']
		]);
		const rows = Array.from(
			{ length: 2000 },
			(_, n) =>
				bad.get(n) ??
				`p${n}@bulk.gov.uk,Person,Number ${n},Bulk Team,practitioner,Social worker,SW${n + 1},bulk.lead@bulk.gov.uk,01/09/2026`
		);
		const before = await everything(db);
		const { plan } = await checkStaffFile(db, admin, file(rows));
		// Data rows start on row 2: the nth row written is row n + 2.
		const badRows = [...new Set(plan.problems.map((p) => p.row))];
		expect(badRows).toEqual([...bad.keys()].map((n) => n + 2));
		// Every row but the two repeated and the two without an email address would be added.
		expect(plan.add).toHaveLength(2000 - 4);
		expect(await everything(db)).toEqual(before);
	});
});
