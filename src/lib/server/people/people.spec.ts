import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newUser, testDatabases } from '../db/testing';
import { FieldError } from '../errors';
import { assignSupervisor } from './relationships';
import { createTeam, listTeams, updateTeam } from './teams';
import { createPerson, getPerson, listPeople, updatePerson, yetToSignIn } from './users';

describe.each(testDatabases())('people and teams on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	it('creates a person with roles, and refuses an email that is taken', async () => {
		const admin = await newUser(db, { roles: ['admin'] });
		const id = await createPerson(db, admin, {
			email: 'new.person@test.example',
			name: 'New Person',
			roles: ['practitioner', 'auditor'],
			teamId: null,
			careerStage: 'asye',
			sweNumber: 'SW123456'
		});
		expect(await getPerson(db, id)).toMatchObject({
			name: 'New Person',
			roles: ['practitioner', 'auditor'],
			password_hash: null
		});
		expect((await listPeople(db)).find((p) => p.id === id)).toMatchObject({ invited: true });
		// Once their council account has signed them in, they are no longer waiting to.
		await db
			.insertInto('sso_identities')
			.values({
				issuer: 'https://login.test.example',
				client_id: 'golden-thread',
				subject: 'new-person',
				user_id: id,
				created_at: new Date().toISOString()
			})
			.execute();
		expect((await listPeople(db)).find((p) => p.id === id)).toMatchObject({ invited: false });
		const yetTo = await yetToSignIn(db, [{ id, password_hash: null }]);
		expect(yetTo({ id, password_hash: null })).toBe(false);
		await expect(
			createPerson(db, admin, {
				email: 'new.person@test.example',
				name: 'Other',
				roles: [],
				teamId: null,
				careerStage: null,
				sweNumber: null
			})
		).rejects.toMatchObject({ field: 'email', message: 'Someone already has this email address' });
		await updatePerson(db, admin, id, {
			email: 'new.person@test.example',
			name: 'Renamed',
			roles: ['supervisor'],
			teamId: null,
			careerStage: null,
			sweNumber: null
		});
		expect(await getPerson(db, id)).toMatchObject({ name: 'Renamed', roles: ['supervisor'] });
		const events = await db
			.selectFrom('events')
			.select('action')
			.where('subject_id', '=', id)
			.execute();
		expect(events.map((e) => e.action).sort()).toEqual(['person.created', 'person.updated']);
	});

	it('keeps team names unique and counts active members', async () => {
		const manager = await newUser(db, { roles: ['supervisor'] });
		const teamId = await createTeam(db, null, 'East Team', manager);
		await newUser(db, { teamId });
		await newUser(db, { teamId, active: false });
		await expect(createTeam(db, null, 'East Team', null)).rejects.toMatchObject({ field: 'name' });
		const other = await createTeam(db, null, 'West Team', null);
		await expect(updateTeam(db, manager, other, 'East Team', null)).rejects.toMatchObject({
			field: 'name'
		});
		const east = (await listTeams(db)).find((t) => t.id === teamId);
		expect(east).toMatchObject({ name: 'East Team', managerName: 'Test Person' });
		expect(Number(east?.memberCount)).toBe(1);
	});

	it('refuses ids that name nobody, or the wrong person, with a message by the field', async () => {
		const admin = await newUser(db, { roles: ['admin'] });
		const practitioner = await newUser(db, { roles: ['practitioner'] });
		const supervisor = await newUser(db, { roles: ['supervisor'] });
		const leaver = await newUser(db, { roles: ['supervisor'], active: false });
		const unknown = '00000000-0000-4000-8000-000000000000';
		const refused = async (change: Promise<unknown>, field: string) => {
			const error = await change.then(
				() => undefined,
				(e: unknown) => e
			);
			expect(error).toBeInstanceOf(FieldError);
			expect((error as FieldError).field).toBe(field);
		};
		for (const managerId of [unknown, practitioner, leaver])
			await refused(createTeam(db, admin, `Team ${managerId}`, managerId), 'managerId');
		const team = await createTeam(db, admin, 'References team', supervisor);
		await refused(updateTeam(db, admin, team, 'References team', practitioner), 'managerId');
		const person = {
			email: 'references@test.example',
			name: 'Reference Person',
			roles: [],
			careerStage: null,
			sweNumber: null
		};
		await refused(createPerson(db, admin, { ...person, teamId: unknown }), 'teamId');
		await refused(updatePerson(db, admin, practitioner, { ...person, teamId: unknown }), 'teamId');
		const startsOn = '2026-01-01';
		await refused(
			assignSupervisor(db, admin, { supervisorId: unknown, superviseeId: practitioner, startsOn }),
			'supervisorId'
		);
		await refused(
			assignSupervisor(db, admin, {
				supervisorId: practitioner,
				superviseeId: supervisor,
				startsOn
			}),
			'supervisorId'
		);
		await refused(
			assignSupervisor(db, admin, { supervisorId: supervisor, superviseeId: unknown, startsOn }),
			'superviseeId'
		);
		const teams = await db.selectFrom('teams').select('name').execute();
		expect(teams.map((t) => t.name)).not.toContain(`Team ${unknown}`);
	});
});
