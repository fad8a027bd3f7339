import { describe, expect, it } from 'vitest';
import { refusalOf } from './testing';
import { valuesToCreate, valuesToPatch, valuesToReplace } from './requests';
import { appName, type ScimValues } from './values';

// The requests as Microsoft Entra ID sends them, written out from its documentation ("Develop
// and plan provisioning for a SCIM endpoint", and "Known issues … SCIM 2.0 protocol compliance",
// with and without the aadOptscim062020 flag), with email addresses as userName.

const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const patchOp = (...Operations: unknown[]) => ({
	schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
	Operations
});

const ann: ScimValues = {
	userName: 'ann.lee@council.example',
	active: true,
	externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
	givenName: 'Ann',
	familyName: 'Lee',
	formatted: null,
	displayName: null,
	currentName: 'Ann Lee',
	nameChanged: false
};

describe('creating a person (POST /Users)', () => {
	it('reads Entra ID’s Create User request', () => {
		const values = valuesToCreate({
			schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', enterprise],
			externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
			userName: 'Ann.Lee@Council.example',
			active: true,
			emails: [{ primary: true, type: 'work', value: 'ann.lee@mail.council.example' }],
			meta: { resourceType: 'User' },
			name: { formatted: 'Ann Lee', familyName: 'Lee', givenName: 'Ann' },
			roles: [],
			displayName: 'Lee, Ann (Children’s Services)',
			title: 'Social Worker',
			[enterprise]: { department: 'North Team', employeeNumber: '1234', manager: { value: 'm-1' } }
		});
		expect(values).toEqual({
			...ann,
			// The address signed in with, in lower case; the work email is not kept apart from it.
			userName: 'ann.lee@council.example',
			formatted: 'Ann Lee',
			displayName: 'Lee, Ann (Children’s Services)',
			currentName: null,
			nameChanged: true,
			department: 'North Team',
			managerId: 'm-1'
		});
		// Given and family names make the name, before the display name.
		expect(appName(values)).toBe('Ann Lee');
	});

	it('needs an email address as userName, and a name', () => {
		expect(refusalOf(() => valuesToCreate({ name: { givenName: 'Ann' } }))).toMatchObject({
			status: '400',
			scimType: 'invalidValue',
			detail: expect.stringContaining('userName is required')
		});
		expect(
			refusalOf(() =>
				valuesToCreate({ userName: 'Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1' })
			)
		).toMatchObject({ scimType: 'invalidValue', detail: expect.stringContaining('email address') });
		expect(refusalOf(() => appName(valuesToCreate({ userName: 'a@b.example' })))).toMatchObject({
			scimType: 'invalidValue',
			detail: expect.stringContaining('A name is needed')
		});
		expect(refusalOf(() => valuesToCreate('not an object'))).toMatchObject({
			scimType: 'invalidSyntax'
		});
		expect(refusalOf(() => valuesToCreate({ userName: 42 }))).toMatchObject({
			scimType: 'invalidValue'
		});
	});

	it('makes the name from what is given: both names, else formatted, else displayName', () => {
		const name = (body: object) => appName(valuesToCreate({ userName: 'a@b.example', ...body }));
		expect(name({ displayName: 'Ann  Lee ' })).toBe('Ann Lee');
		expect(name({ name: { formatted: 'Dr Ann Lee' }, displayName: 'Lee, Ann' })).toBe('Dr Ann Lee');
		expect(name({ name: { givenName: 'Ann' } })).toBe('Ann');
	});
});

describe('changing a person (PATCH /Users/<id>)', () => {
	it('deactivates, as Entra ID does with and without its compliance flag', () => {
		const disable = patchOp({ op: 'Replace', path: 'active', value: false });
		expect(valuesToPatch(ann, disable)).toMatchObject({ active: false, nameChanged: false });
		const withoutFlag = patchOp({ op: 'Replace', path: 'active', value: 'False' });
		expect(valuesToPatch(ann, withoutFlag).active).toBe(false);
		const flagged = patchOp({ op: 'replace', path: 'active', value: false });
		expect(valuesToPatch(ann, flagged).active).toBe(false);
		// GitHub's and others' shape: a value object without a path.
		expect(valuesToPatch(ann, patchOp({ op: 'replace', value: { active: false } })).active).toBe(
			false
		);
		expect(
			valuesToPatch(
				{ ...ann, active: false },
				patchOp({ op: 'Add', path: 'active', value: 'True' })
			).active
		).toBe(true);
	});

	it('reads the multi-valued update: the work email is not kept, the family name is', () => {
		const values = valuesToPatch(
			ann,
			patchOp(
				{
					op: 'Replace',
					path: 'emails[type eq "work"].value',
					value: 'updatedEmail@microsoft.com'
				},
				{ op: 'Replace', path: 'name.familyName', value: 'Ortiz' }
			)
		);
		expect(values).toMatchObject({
			userName: ann.userName,
			familyName: 'Ortiz',
			nameChanged: true
		});
		expect(appName(values)).toBe('Ann Ortiz');
	});

	it('reads the single-valued update of userName', () => {
		const values = valuesToPatch(
			ann,
			patchOp({ op: 'Replace', path: 'userName', value: 'Ann.Ortiz@council.example' })
		);
		expect(values.userName).toBe('ann.ortiz@council.example');
		expect(appName(values)).toBe('Ann Lee');
	});

	it('reads "replace multiple attributes" without the flag, path by path', () => {
		const values = valuesToPatch(
			ann,
			patchOp(
				{ op: 'Replace', path: 'displayName', value: 'Pvlo' },
				{
					op: 'Replace',
					path: 'emails[type eq "work"].value',
					value: 'TestBcwqnm@test.microsoft.com'
				},
				{ op: 'Replace', path: 'name.givenName', value: 'Gtfd' },
				{ op: 'Replace', path: 'name.familyName', value: 'Pkqf' },
				{ op: 'Replace', path: 'externalId', value: 'Eqpj' },
				{ op: 'Replace', path: `${enterprise}:employeeNumber`, value: 'Eqpj' }
			)
		);
		expect(values).toMatchObject({ givenName: 'Gtfd', familyName: 'Pkqf', externalId: 'Eqpj' });
		expect(appName(values)).toBe('Gtfd Pkqf');
	});

	it('reads "replace multiple attributes" with the flag: a value object of dotted names', () => {
		const values = valuesToPatch(
			ann,
			patchOp(
				{
					op: 'replace',
					path: 'emails[type eq "work"].value',
					value: 'TestMhvaes@test.microsoft.com'
				},
				{
					op: 'replace',
					value: {
						displayName: 'Bjfe',
						'name.givenName': 'Kkom',
						'name.familyName': 'Unua',
						[`${enterprise}:employeeNumber`]: 'Aklq'
					}
				}
			)
		);
		expect(appName(values)).toBe('Kkom Unua');
		expect(values.displayName).toBe('Bjfe');
	});

	it('adds given and family names, as a value object of the name too', () => {
		const added = valuesToPatch(
			{ ...ann, givenName: null, familyName: null },
			patchOp(
				{ op: 'add', path: 'name.givenName', value: 'Annie' },
				{ op: 'add', path: 'name.familyName', value: 'Lee' }
			)
		);
		expect(appName(added)).toBe('Annie Lee');
		const nested = valuesToPatch(
			ann,
			patchOp({ op: 'Add', value: { name: { givenName: 'Annie' } } })
		);
		expect(appName(nested)).toBe('Annie Lee');
		// One part known only: the name stays as it was until both are.
		const legacy = { ...ann, givenName: null, familyName: null, currentName: 'Ann B. Lee' };
		expect(
			appName(valuesToPatch(legacy, patchOp({ op: 'add', path: 'name.givenName', value: 'Ann' })))
		).toBe('Ann B. Lee');
	});

	it('reads the enterprise extension: department, and the manager by id alone or as an object', () => {
		const manager = (value: unknown, path = `${enterprise}:manager`) =>
			valuesToPatch(ann, patchOp({ op: 'Add', path, value })).managerId;
		// Entra ID sends the manager's id alone.
		expect(manager('26118915-6090-4610-87a4-49d0767e9fde')).toBe(
			'26118915-6090-4610-87a4-49d0767e9fde'
		);
		expect(manager({ value: 'm-2' })).toBe('m-2');
		expect(manager([{ value: 'm-3' }])).toBe('m-3');
		expect(manager('m-4', `${enterprise}:manager.value`)).toBe('m-4');
		expect(
			valuesToPatch(
				ann,
				patchOp({ op: 'Replace', path: `${enterprise}:department`, value: 'South Team' })
			).department
		).toBe('South Team');
		expect(
			valuesToPatch(
				ann,
				patchOp({ op: 'replace', value: { [enterprise]: { department: 'East', manager: 'm-5' } } })
			)
		).toMatchObject({ department: 'East', managerId: 'm-5' });
		const removed = valuesToPatch(
			{ ...ann, managerId: 'm-1', department: 'North' },
			patchOp(
				{ op: 'Remove', path: `${enterprise}:manager` },
				{ op: 'Remove', path: `${enterprise}:department` }
			)
		);
		expect(removed).toMatchObject({ managerId: null, department: null });
		// Said nothing of them: left as they are.
		expect(
			valuesToPatch(ann, patchOp({ op: 'replace', path: 'active', value: true }))
		).not.toHaveProperty('department');
	});

	it('ignores what the app does not keep, and refuses what it cannot do', () => {
		const ignored = valuesToPatch(
			ann,
			patchOp(
				{ op: 'Add', path: 'nickName', value: 'Babs' },
				{ op: 'Replace', path: 'phoneNumbers[type eq "work"].value', value: '0123' },
				{ op: 'Remove', path: 'addresses[type eq "work"].country' },
				{ op: 'Add', path: 'urn:ietf:params:scim:schemas:extension:Custom:2.0:User:x', value: 1 }
			)
		);
		expect(ignored).toEqual(ann);
		expect(refusalOf(() => valuesToPatch(ann, { Operations: [] }))).toMatchObject({
			status: '400',
			scimType: 'invalidSyntax'
		});
		expect(
			refusalOf(() => valuesToPatch(ann, patchOp({ op: 'move', path: 'active' })))
		).toMatchObject({
			scimType: 'invalidSyntax'
		});
		expect(refusalOf(() => valuesToPatch(ann, patchOp({ op: 'remove' })))).toMatchObject({
			scimType: 'noTarget'
		});
		expect(
			refusalOf(() => valuesToPatch(ann, patchOp({ op: 'remove', path: 'userName' })))
		).toMatchObject({
			scimType: 'mutability'
		});
		expect(
			refusalOf(() =>
				valuesToPatch(ann, patchOp({ op: 'replace', path: 'active', value: 'maybe' }))
			)
		).toMatchObject({ scimType: 'invalidValue' });
		expect(
			refusalOf(() => valuesToPatch(ann, patchOp({ op: 'replace', value: 'x' })))
		).toMatchObject({
			scimType: 'invalidSyntax'
		});
		expect(
			refusalOf(() =>
				valuesToPatch(ann, patchOp({ op: 'replace', path: 'userName', value: 'nope' }))
			)
		).toMatchObject({ scimType: 'invalidValue' });
	});

	it('takes a name an object inherits (__proto__, constructor) for one the app does not keep', () => {
		const inherited = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
		for (const name of inherited) {
			// A computed key is the object's own, as JSON.parse makes `__proto__` when it reads a body.
			const body = patchOp(
				{ op: 'add', path: name, value: 1 },
				{ op: 'replace', path: `${enterprise}:${name}`, value: 1 },
				{ op: 'add', path: `name.${name}`, value: 1 },
				{ op: 'add', value: { [name]: 1, [`${enterprise}:${name}`]: 1 } },
				{ op: 'remove', path: name }
			);
			expect(valuesToPatch(ann, body), name).toEqual(ann);
			const created = JSON.parse(
				`{"userName": "ann.lee@council.example", "name": {"givenName": "Ann", "familyName": "Lee"}, "${name}": {}, "${enterprise}": {"${name}": 1}}`
			);
			expect(valuesToCreate(created), name).toMatchObject({ userName: ann.userName });
		}
	});
});

describe('replacing a person (PUT /Users/<id>)', () => {
	it('makes the name from the resource alone, and leaves what it does not say', () => {
		const values = valuesToReplace(
			{ ...ann, department: undefined },
			{
				schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
				userName: ann.userName,
				displayName: 'Ann Ortiz'
			}
		);
		expect(appName(values)).toBe('Ann Ortiz');
		expect(values).toMatchObject({ externalId: ann.externalId, active: true });
		expect(values.department).toBeUndefined();
		expect(refusalOf(() => valuesToReplace(ann, { displayName: 'Ann' }))).toMatchObject({
			scimType: 'invalidValue'
		});
	});
});
