import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import type { Role } from '../db/schema';
import { newUser, testDatabases, testPassword } from '../db/testing';
import { addMs, hours, minutes, days } from '../db/time';
import { setPersonActive } from '../people/users';
import { createOneTimeLink, findOneTimeLink } from './one-time-link';
import { passwordProblem } from './password';
import { checkCredentials } from './sign-in';
import {
	createSession,
	generateSessionToken,
	invalidateUserSessions,
	sessionIdFor,
	signedInWithProvider,
	validateSessionToken
} from './session';

describe.each(testDatabases())('sign-in and sessions on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	it('stores only the SHA-256 of a random token of at least 128 bits', async () => {
		const userId = await newUser(db);
		const token = generateSessionToken();
		expect(token).toMatch(/^[a-z2-7]{32}$/); // 160 bits in base32
		expect(generateSessionToken()).not.toBe(token);
		await createSession(db, token, userId);
		const rows = await db
			.selectFrom('sessions')
			.select('id')
			.where('user_id', '=', userId)
			.execute();
		expect(rows).toEqual([{ id: sessionIdFor(token) }]);
		expect(rows[0].id).not.toContain(token);
	});

	it('ends a session after 8 hours idle, and after 30 days whatever the activity', async () => {
		const userId = await newUser(db, { roles: ['practitioner', 'supervisor'] });
		const start = new Date('2026-11-02T09:00:00Z');
		const idle = generateSessionToken();
		await createSession(db, idle, userId, start);
		const valid = await validateSessionToken(db, idle, addMs(start, hours(7)));
		expect(valid?.user).toMatchObject({ id: userId, roles: ['practitioner', 'supervisor'] });
		// Used at 7 hours, so it lasts until 15 hours; not to 17.
		expect(await validateSessionToken(db, idle, addMs(start, hours(14)))).not.toBeNull();
		expect(await validateSessionToken(db, idle, addMs(start, hours(22) + minutes(1)))).toBeNull();

		const busy = generateSessionToken();
		await createSession(db, busy, userId, start);
		// Used every 7 hours, it never goes idle, but still ends at 30 days.
		for (
			let now = addMs(start, hours(7));
			now < addMs(start, days(30));
			now = addMs(now, hours(7))
		) {
			expect(await validateSessionToken(db, busy, now)).not.toBeNull();
		}
		expect(await validateSessionToken(db, busy, addMs(start, days(30)))).toBeNull();
	});

	it('gives a session its person’s roles in the product’s order, and none to someone with none', async () => {
		const roles = async (...held: Role[]) => {
			const token = generateSessionToken();
			await createSession(db, token, await newUser(db, { roles: held }));
			return (await validateSessionToken(db, token))?.user.roles;
		};
		expect(await roles('admin', 'auditor', 'practitioner')).toEqual([
			'practitioner',
			'auditor',
			'admin'
		]);
		expect(await roles()).toEqual([]);
	});

	it('says how each session was signed in to: by password unless told', async () => {
		const userId = await newUser(db);
		const [password, sso] = [generateSessionToken(), generateSessionToken()];
		await createSession(db, password, userId);
		await createSession(db, sso, userId, new Date(), 'oidc');
		const byPassword = (await validateSessionToken(db, password))!.session;
		const bySso = (await validateSessionToken(db, sso))!.session;
		expect([byPassword.method, bySso.method]).toEqual(['password', 'oidc']);
		expect([signedInWithProvider(byPassword), signedInWithProvider(bySso)]).toEqual([false, true]);
	});

	it('signs out of every device, and deactivation ends sessions at once', async () => {
		const userId = await newUser(db);
		const [a, b] = [generateSessionToken(), generateSessionToken()];
		await createSession(db, a, userId);
		await createSession(db, b, userId);
		await invalidateUserSessions(db, userId);
		expect(await validateSessionToken(db, a)).toBeNull();
		expect(await validateSessionToken(db, b)).toBeNull();

		const c = generateSessionToken();
		await createSession(db, c, userId);
		const admin = await newUser(db, { roles: ['admin'] });
		await setPersonActive(db, admin, userId, false);
		expect(await validateSessionToken(db, c)).toBeNull();
		expect(await checkCredentials(db, `${userId}@test.example`, testPassword, '10.0.0.9')).toEqual({
			ok: false,
			reason: 'wrong'
		});
	});

	it('gives the same answer for an unknown email and a wrong password', async () => {
		const userId = await newUser(db);
		const email = `${userId}@test.example`;
		expect(await checkCredentials(db, email.toUpperCase(), testPassword, '10.0.0.1')).toEqual({
			ok: true,
			userId
		});
		expect(await checkCredentials(db, email, 'not the password', '10.0.0.1')).toEqual({
			ok: false,
			reason: 'wrong'
		});
		expect(await checkCredentials(db, 'nobody@test.example', testPassword, '10.0.0.1')).toEqual({
			ok: false,
			reason: 'wrong'
		});
	});

	it('issues one-time links that expire and replace earlier ones', async () => {
		const userId = await newUser(db, { password: false });
		const now = new Date('2026-11-25T12:00:00Z');
		const first = await createOneTimeLink(db, userId, 'reset', now);
		expect(await findOneTimeLink(db, first, now)).toMatchObject({ userId, purpose: 'reset' });
		expect(await findOneTimeLink(db, first, addMs(now, hours(1) + 1))).toBeUndefined();
		const second = await createOneTimeLink(db, userId, 'reset', now);
		expect(await findOneTimeLink(db, first, now)).toBeUndefined();
		expect(await findOneTimeLink(db, second, now)).toMatchObject({ userId });
		const invite = await createOneTimeLink(db, userId, 'invite', now);
		expect(await findOneTimeLink(db, invite, addMs(now, days(6)))).toMatchObject({
			purpose: 'invite'
		});
		expect(await findOneTimeLink(db, invite, addMs(now, days(7) + 1))).toBeUndefined();
	});
});

describe('passwordProblem', () => {
	it('needs 12 characters and refuses common passwords', () => {
		expect(passwordProblem('short')).toBe('Password must be 12 characters or more');
		expect(passwordProblem('qwerty123456')).toMatch(/too common/);
		expect(passwordProblem('Password123456')).toMatch(/too common/);
		expect(passwordProblem('aaaaaaaaaaaaaaa')).toMatch(/too common/);
		expect(passwordProblem('priya.shah.is.here', 'priya.shah@demo.test')).toBe(
			'Password must not contain your email address'
		);
		expect(passwordProblem('correct horse battery staple')).toBeUndefined();
	});
});
