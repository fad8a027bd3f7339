import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSession, generateSessionToken } from '../../auth/session';
import type { Db } from '../../db';
import { newUser, testDatabases } from '../../db/testing';
import { createTeam } from '../teams';
import { getPerson } from '../users';
import { listScimPeople, scimPerson } from './people';
import { ScimError } from './protocol';
import {
	createScimPerson,
	deactivateScimPerson,
	updateScimPerson,
	type Provisioner
} from './provision';
import { parseListQuery } from './query';
import { scimUser, valuesOf } from './resource';
import { valuesToCreate, valuesToPatch } from './requests';

// Provisioning on a real database, with the requests Entra ID sends (see requests.spec.ts).

const origin = 'https://golden-thread.example.gov.uk';
const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const patchOp = (...Operations: unknown[]) => ({
	schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
	Operations
});

describe.each(testDatabases())('provisioning by SCIM on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	let by: Provisioner;
	let managerId: string;
	beforeAll(async () => {
		({ db, close } = await database.open());
		by = { userId: await newUser(db, { roles: ['admin'] }), tokenId: 'token-1' };
		managerId = await newUser(db, { roles: ['supervisor'], name: 'Sam Boss' });
		await createTeam(db, by.userId, 'North Team', null);
	});
	afterAll(() => close());
	afterEach(() => vi.unstubAllEnvs());

	const events = async (id: string) =>
		(
			await db
				.selectFrom('events')
				.select(['action', 'detail'])
				.where('subject_id', '=', id)
				.orderBy('at')
				.orderBy('action')
				.execute()
		).map((e) => ({ action: e.action, detail: e.detail && JSON.parse(e.detail) }));

	const create = (email: string, more: object = {}) =>
		createScimPerson(
			db,
			by,
			valuesToCreate({
				schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', enterprise],
				externalId: `ext-${email}`,
				userName: email,
				active: true,
				emails: [{ primary: true, type: 'work', value: email }],
				name: { formatted: 'Ann Lee', familyName: 'Lee', givenName: 'Ann' },
				...more
			}),
			origin
		);

	it('creates a practitioner in the team their department names, with their line manager, invited', async () => {
		const id = await create('Ann.Lee@Council.example', {
			[enterprise]: { department: 'north  TEAM', manager: { value: managerId } }
		});
		const person = (await scimPerson(db, id))!;
		const resource = scimUser(person, origin);
		expect(resource).toEqual({
			schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', enterprise],
			id,
			externalId: 'ext-Ann.Lee@Council.example',
			userName: 'ann.lee@council.example',
			name: { formatted: 'Ann Lee', givenName: 'Ann', familyName: 'Lee' },
			displayName: 'Ann Lee',
			active: true,
			emails: [{ value: 'ann.lee@council.example', type: 'work', primary: true }],
			[enterprise]: {
				department: 'North Team',
				manager: { value: managerId, displayName: 'Sam Boss' }
			},
			meta: {
				resourceType: 'User',
				created: person.created,
				lastModified: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				location: `${origin}/scim/v2/Users/${id}`,
				version: expect.stringMatching(/^W\/"[0-9a-f]{20}"$/)
			}
		});
		expect((await getPerson(db, id))?.roles).toEqual(['practitioner']);
		const mail = await db.selectFrom('outbox').select(['recipient', 'body']).execute();
		expect(mail).toEqual([
			{
				recipient: 'ann.lee@council.example',
				body: expect.stringContaining(`${origin}/set-password/`)
			}
		]);
		expect(await events(id)).toEqual(
			expect.arrayContaining([
				{ action: 'person.created', detail: { roles: ['practitioner'] } },
				expect.objectContaining({ action: 'relationship.assigned' }),
				{ action: 'person.provisioned', detail: { operation: 'create', tokenId: 'token-1' } }
			])
		);
	});

	it('invites nobody under single sign-on, and makes someone inactive as asked', async () => {
		vi.stubEnv('OIDC_ISSUER', 'https://login.microsoftonline.com/tenant/v2.0');
		const before = await db.selectFrom('outbox').select('id').execute();
		const id = await create('sso.person@council.example');
		expect(await db.selectFrom('outbox').select('id').execute()).toEqual(before);
		vi.unstubAllEnvs();
		const inactive = await create('not.yet@council.example', { active: false });
		expect((await scimPerson(db, inactive))?.active).toBe(false);
		expect(await db.selectFrom('outbox').select('id').execute()).toEqual(before);
		expect((await scimPerson(db, id))?.active).toBe(true);
	});

	it('refuses an email address someone has, in any case: 409 uniqueness', async () => {
		await create('taken@council.example');
		const again = create('TAKEN@council.example').catch((error: ScimError) => error.body);
		expect(await again).toMatchObject({ status: '409', scimType: 'uniqueness' });
	});

	it('finds someone by userName in any case, and pages through everyone', async () => {
		const list = (search: string) =>
			listScimPeople(db, parseListQuery(new URLSearchParams(search)));
		const found = await list('filter=userName eq "ANN.LEE@council.EXAMPLE"');
		expect(found.total).toBe(1);
		expect(found.people.map((p) => p.email)).toEqual(['ann.lee@council.example']);
		expect(await list('filter=userName eq "nobody@council.example"')).toEqual({
			total: 0,
			people: []
		});
		const everyone = await db.selectFrom('users').select('id').execute();
		const all = await list('count=200');
		expect(all.total).toBe(everyone.length);
		const page = await list('startIndex=2&count=2');
		expect(page.total).toBe(everyone.length);
		expect(page.people.map((p) => p.id)).toEqual(all.people.slice(1, 3).map((p) => p.id));
		expect((await list('count=0')).people).toEqual([]);
	});

	it('deactivates with Entra ID’s PATCH: sessions end at once; active again lets them back', async () => {
		const id = await create('leaving@council.example');
		await createSession(db, generateSessionToken(), id);
		const patch = async (body: unknown) => {
			const person = (await scimPerson(db, id))!;
			await updateScimPerson(db, by, person, valuesToPatch(valuesOf(person), body), 'patch');
			return (await scimPerson(db, id))!;
		};
		const before = scimUser((await scimPerson(db, id))!, origin).meta.version;
		const left = await patch(patchOp({ op: 'Replace', path: 'active', value: 'False' }));
		expect(left.active).toBe(false);
		expect(scimUser(left, origin).meta.version).not.toBe(before);
		expect(
			await db.selectFrom('sessions').select('id').where('user_id', '=', id).execute()
		).toEqual([]);
		expect((await patch(patchOp({ op: 'replace', value: { active: true } }))).active).toBe(true);
		expect((await events(id)).map((e) => e.action)).toEqual(
			expect.arrayContaining(['person.deactivated', 'person.reactivated'])
		);
	});

	it('changes the name and team, and notes a manager or department it cannot use', async () => {
		const id = await create('changes@council.example');
		const practitioner = await newUser(db, { name: 'Pat Practitioner' });
		const person = (await scimPerson(db, id))!;
		const values = valuesToPatch(
			valuesOf(person),
			patchOp(
				{ op: 'Replace', path: 'name.familyName', value: 'Ortiz' },
				{ op: 'Add', path: `${enterprise}:manager`, value: practitioner },
				{ op: 'Replace', path: `${enterprise}:department`, value: 'Nowhere Team' }
			)
		);
		await updateScimPerson(db, by, person, values, 'patch');
		const after = (await scimPerson(db, id))!;
		expect(after).toMatchObject({
			name: 'Ann Ortiz',
			familyName: 'Ortiz',
			manager: null,
			team: null
		});
		const provisioned = (await events(id)).filter((e) => e.action === 'person.provisioned');
		expect(provisioned.at(-1)?.detail).toEqual({
			operation: 'patch',
			tokenId: 'token-1',
			notes: [
				'The department “Nowhere Team” is not a team here: the team is unchanged',
				'The manager is not their line manager: Pat Practitioner is not a supervisor here'
			]
		});
		// A request that changes nothing logs nothing (the two are the creation and the change).
		const unchanged = (await scimPerson(db, id))!;
		await updateScimPerson(
			db,
			by,
			unchanged,
			valuesToPatch(valuesOf(unchanged), patchOp({ op: 'replace', path: 'active', value: true })),
			'patch'
		);
		expect((await events(id)).filter((e) => e.action === 'person.provisioned')).toHaveLength(2);
	});

	it('sets and removes the line manager', async () => {
		const id = await create('managed@council.example');
		const patch = async (body: unknown) => {
			const person = (await scimPerson(db, id))!;
			await updateScimPerson(db, by, person, valuesToPatch(valuesOf(person), body), 'patch');
			return (await scimPerson(db, id))!;
		};
		const path = `${enterprise}:manager`;
		expect((await patch(patchOp({ op: 'Add', path, value: managerId }))).manager).toEqual({
			id: managerId,
			name: 'Sam Boss'
		});
		expect((await patch(patchOp({ op: 'Remove', path }))).manager).toBeNull();
	});

	it('DELETE deactivates and keeps the person and their records', async () => {
		const id = await create('deleted@council.example');
		await createSession(db, generateSessionToken(), id);
		await deactivateScimPerson(db, by, (await scimPerson(db, id))!);
		const kept = await scimPerson(db, id);
		expect(kept).toMatchObject({ active: false, email: 'deleted@council.example' });
		expect(
			await db.selectFrom('sessions').select('id').where('user_id', '=', id).execute()
		).toEqual([]);
		await deactivateScimPerson(db, by, kept!);
		const actions = (await events(id)).map((e) => e.action);
		expect(actions.filter((a) => a === 'person.deactivated')).toHaveLength(1);
		expect(actions.filter((a) => a === 'person.provisioned')).toHaveLength(2);
	});
});
