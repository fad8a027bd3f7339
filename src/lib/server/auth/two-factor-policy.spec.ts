import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import type { Role } from '../db/schema';
import { newUser, testDatabases } from '../db/testing';
import type { SessionUser, ValidSession } from './session';
import { newTotpKey, timeStep, totpCode } from './totp';
import { turnOnTwoFactor } from './two-factor';
import {
	isDemoAuthority,
	markDemoAuthority,
	mustSetUpTwoFactor,
	reachableBeforeSetUp,
	readRequiredRoles,
	requiredRoles
} from './two-factor-policy';

describe('MFA_REQUIRED_ROLES', () => {
	it('is unset, a list of roles in any case and spacing, or empty (or none) for no roles', () => {
		expect(readRequiredRoles(undefined)).toBeUndefined();
		expect(readRequiredRoles(' Admin, psw ,auditor')).toEqual(['auditor', 'psw', 'admin']);
		expect(readRequiredRoles('')).toEqual([]);
		expect(readRequiredRoles('none')).toEqual([]);
	});

	it('stops the server with the roles there are, for a word that is not one', () => {
		expect(() => readRequiredRoles('admin,adminn')).toThrow(
			'MFA_REQUIRED_ROLES names "adminn", which is not a role: use practitioner, supervisor, auditor, psw, admin, external-assessor, or leave it empty for none'
		);
	});
});

describe('only the set-up page and signing out are reachable before set-up', () => {
	it('and nothing that merely starts like them', () => {
		expect(reachableBeforeSetUp('/account/two-factor')).toBe(true);
		expect(reachableBeforeSetUp('/sign-out')).toBe(true);
		for (const path of ['/', '/account', '/account/two-factorx', '/sign-outside', '/admin'])
			expect(reachableBeforeSetUp(path), path).toBe(false);
	});
});

describe.each(testDatabases())('who must set up a second factor, on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	const session = (method: ValidSession['method']): ValidSession => ({
		id: 'session',
		userId: 'someone',
		createdAt: new Date().toISOString(),
		expiresAt: new Date(),
		method
	});
	async function person(roles: Role[]): Promise<SessionUser> {
		const id = await newUser(db, { roles });
		return {
			id,
			email: `${id}@test.example`,
			name: 'Test',
			roles,
			teamId: null,
			careerStage: null,
			registered: false
		};
	}
	const password = session('password');

	it('by default: administrators, principal social workers and auditors, until they have one', async () => {
		expect(await requiredRoles(db, undefined)).toEqual(['admin', 'psw', 'auditor']);
		const admin = await person(['admin']);
		const auditor = await person(['practitioner', 'auditor']);
		expect(await mustSetUpTwoFactor(db, admin, password, undefined)).toBe(true);
		expect(await mustSetUpTwoFactor(db, auditor, password, undefined)).toBe(true);
		for (const roles of [['practitioner'], ['supervisor', 'external-assessor'], []] as Role[][])
			expect(await mustSetUpTwoFactor(db, await person(roles), password, undefined)).toBe(false);

		const key = newTotpKey();
		await turnOnTwoFactor(db, admin.id, key, totpCode(key, timeStep(new Date())));
		expect(await mustSetUpTwoFactor(db, admin, password, undefined)).toBe(false);
	});

	it('as MFA_REQUIRED_ROLES says, when it is set', async () => {
		const supervisor = await person(['supervisor']);
		const admin = await person(['admin']);
		expect(await mustSetUpTwoFactor(db, supervisor, password, ['supervisor'])).toBe(true);
		expect(await mustSetUpTwoFactor(db, admin, password, ['supervisor'])).toBe(false);
		expect(await mustSetUpTwoFactor(db, admin, password, [])).toBe(false);
	});

	it('never after single sign-on: the identity provider asks for its own second factor', async () => {
		expect(await mustSetUpTwoFactor(db, await person(['admin']), session('oidc'), undefined)).toBe(
			false
		);
	});

	// Last: marking the database as the demo's changes what the tests above see.
	it('nobody in the demo authority, unless MFA_REQUIRED_ROLES is set', async () => {
		expect(await isDemoAuthority(db)).toBe(false);
		await markDemoAuthority(db);
		await markDemoAuthority(db);
		expect(await isDemoAuthority(db)).toBe(true);
		expect(await requiredRoles(db, undefined)).toEqual([]);
		const admin = await person(['admin']);
		expect(await mustSetUpTwoFactor(db, admin, password, undefined)).toBe(false);
		expect(await mustSetUpTwoFactor(db, admin, password, ['admin'])).toBe(true);
	});
});
