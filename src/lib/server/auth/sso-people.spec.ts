import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { newUser, testDatabases } from '../db/testing';
import { setPersonActive } from '../people/users';
import type { SsoIdentity } from './sso-identity';
import { matchSsoPerson } from './sso-people';

const issuer = 'https://login.microsoftonline.com/tenant/v2.0';

function identity(overrides: Partial<SsoIdentity> = {}): SsoIdentity {
	return { issuer, clientId: 'gt', subject: newId(), verifiedEmail: null, ...overrides };
}

describe.each(testDatabases())('matching a single sign-on to a person on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	const links = (userId: string) =>
		db.selectFrom('sso_identities').selectAll().where('user_id', '=', userId).execute();

	it('matches by verified email the first time, then by subject alone', async () => {
		const email = `${newId()}@demo.test`;
		const userId = await newUser(db, { email });
		const first = identity({ verifiedEmail: email });
		expect(await matchSsoPerson(db, first)).toEqual({ ok: true, userId });
		expect(await links(userId)).toMatchObject([
			{ issuer, client_id: 'gt', subject: first.subject, user_id: userId }
		]);
		const events = await db
			.selectFrom('events')
			.select(['action', 'actor_id'])
			.where('subject_id', '=', userId)
			.execute();
		expect(events).toEqual([{ action: 'person.sso-linked', actor_id: userId }]);
		// The email changed at the provider (a new surname, say): the subject still finds them.
		const renamed = { ...first, verifiedEmail: `${newId()}@demo.test` };
		expect(await matchSsoPerson(db, renamed)).toEqual({ ok: true, userId });
		expect(await matchSsoPerson(db, { ...first, verifiedEmail: null })).toEqual({
			ok: true,
			userId
		});
		expect(await links(userId)).toHaveLength(1);
	});

	it('refuses an email the provider does not vouch for, and creates nobody', async () => {
		const email = `${newId()}@demo.test`;
		const userId = await newUser(db, { email });
		expect(await matchSsoPerson(db, identity())).toEqual({ ok: false, reason: 'unverified' });
		expect(await links(userId)).toEqual([]);
	});

	it('refuses an unknown email without making an account', async () => {
		const before = await db.selectFrom('users').select('id').execute();
		const unknown = identity({ verifiedEmail: `${newId()}@elsewhere.example` });
		expect(await matchSsoPerson(db, unknown)).toEqual({ ok: false, reason: 'unknown' });
		expect(await db.selectFrom('users').select('id').execute()).toEqual(before);
		expect(
			await db
				.selectFrom('sso_identities')
				.select('user_id')
				.where('subject', '=', unknown.subject)
				.execute()
		).toEqual([]);
	});

	it('refuses a deactivated person, whether found by email or by subject', async () => {
		const email = `${newId()}@demo.test`;
		const closed = await newUser(db, { email: `x${email}`, active: false });
		expect(await matchSsoPerson(db, identity({ verifiedEmail: `x${email}` }))).toEqual({
			ok: false,
			reason: 'deactivated'
		});
		expect(await links(closed)).toEqual([]);

		const userId = await newUser(db, { email });
		const linked = identity({ verifiedEmail: email });
		expect(await matchSsoPerson(db, linked)).toEqual({ ok: true, userId });
		await setPersonActive(db, userId, userId, false);
		expect(await matchSsoPerson(db, linked)).toEqual({ ok: false, reason: 'deactivated' });
	});

	it('keeps a person to the subject they were first linked to at that provider and client', async () => {
		const email = `${newId()}@demo.test`;
		const userId = await newUser(db, { email });
		expect(await matchSsoPerson(db, identity({ verifiedEmail: email }))).toEqual({
			ok: true,
			userId
		});
		// Another account at the same provider now claims the address: refused, not moved.
		expect(await matchSsoPerson(db, identity({ verifiedEmail: email }))).toEqual({
			ok: false,
			reason: 'linked-elsewhere'
		});
		// A new app registration (another client) gives new subjects: matched by email again.
		const other = identity({ clientId: 'gt-new', verifiedEmail: email });
		expect(await matchSsoPerson(db, other)).toEqual({ ok: true, userId });
		expect(await links(userId)).toHaveLength(2);
	});

	it('does not take a subject from one provider for the same subject at another', async () => {
		const email = `${newId()}@demo.test`;
		const userId = await newUser(db, { email });
		const subject = newId();
		expect(await matchSsoPerson(db, identity({ subject, verifiedEmail: email }))).toEqual({
			ok: true,
			userId
		});
		expect(
			await matchSsoPerson(db, identity({ subject, issuer: 'https://other.example' }))
		).toEqual({ ok: false, reason: 'unverified' });
	});
});
