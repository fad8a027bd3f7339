import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { newUser, testDatabases, testPassword } from '../db/testing';
import { addMs, minutes } from '../db/time';
import { claimSignInAttempt, resetLimits, signInLimits } from './rate-limit';
import { checkCredentials, type SignInResult } from './sign-in';

/** How many answers were not refused by the limit, i.e. how many passwords were checked. */
const checked = (results: SignInResult[]) =>
	results.filter((result) => !(result.ok === false && result.reason === 'blocked')).length;

const times = <T>(n: number, make: (i: number) => T) =>
	Array.from({ length: n }, (_, i) => make(i));

// Up to 120 argon2 checks a test: generous time, so a busy machine is slow rather than red.
describe.each(testDatabases())('sign-in limits on $name', { timeout: 120_000 }, (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	const person = async () => `${await newUser(db)}@test.example`;
	// Each test uses addresses of its own, so their limits do not meet.
	const address = () => `10.${newId().slice(0, 8)}`;

	it('sends at most 3 reset links an hour to one address from one place, 5 from anywhere, and they are no password guesses', async () => {
		const email = `reset.${newId()}@test.example`;
		const [here, there] = [address(), address()];
		const claims = await Promise.all(
			times(6, () => claimSignInAttempt(db, email, here, undefined, 'reset'))
		);
		expect(claims.filter((claim) => claim.ok)).toHaveLength(resetLimits.pair.max);
		const elsewhere = await Promise.all(
			times(4, () => claimSignInAttempt(db, email, there, undefined, 'reset'))
		);
		expect(elsewhere.filter((claim) => claim.ok)).toHaveLength(
			resetLimits.account.max - resetLimits.pair.max
		);
		const refused = elsewhere.find((claim) => !claim.ok);
		expect(refused && !refused.ok && refused.retryAt > new Date()).toBe(true);
		// Asking for links uses up none of the password's limits.
		expect((await claimSignInAttempt(db, email, here)).ok).toBe(true);
		// An hour on, links can be asked for again.
		const later = addMs(new Date(), minutes(61));
		expect((await claimSignInAttempt(db, email, here, later, 'reset')).ok).toBe(true);
	});

	it('checks exactly 10 of 60 concurrent wrong guesses at one account from one address', async () => {
		const email = await person();
		const from = address();
		const results = await Promise.all(
			times(60, (i) => checkCredentials(db, email, `wrong guess ${i}`, from))
		);
		expect(checked(results)).toBe(signInLimits.pair.max);
		expect(results.filter((r) => !r.ok && r.reason === 'wrong')).toHaveLength(10);
	});

	it('checks exactly 30 of 60 concurrent guesses from one address at different accounts', async () => {
		const from = address();
		const results = await Promise.all(
			times(60, (i) => checkCredentials(db, `guess${i}.${newId()}@test.example`, 'wrong', from))
		);
		expect(checked(results)).toBe(signInLimits.address.max);
	});

	it('checks exactly 100 of 120 concurrent guesses at one account from 12 addresses', async () => {
		const email = await person();
		const addresses = times(12, address);
		const results = await Promise.all(
			times(120, (i) => checkCredentials(db, email, `wrong guess ${i}`, addresses[i % 12]))
		);
		expect(checked(results)).toBe(signInLimits.account.max);
		// Past the ceiling even the owner, elsewhere, must wait: the price of stopping a
		// guesser with many addresses.
		expect(await checkCredentials(db, email, testPassword, address())).toMatchObject({
			ok: false,
			reason: 'blocked'
		});
	});

	it('lets the owner elsewhere, and a colleague at the same address, sign in during an attack', async () => {
		const email = await person();
		const colleague = await person();
		const attacker = address();
		const [owner, sameOffice, ...attack] = await Promise.all([
			checkCredentials(db, email, testPassword, address()),
			checkCredentials(db, colleague, testPassword, attacker),
			...times(60, (i) => checkCredentials(db, email, `wrong guess ${i}`, attacker))
		]);
		expect(owner).toMatchObject({ ok: true });
		expect(sameOffice).toMatchObject({ ok: true });
		expect(checked(attack)).toBe(10);
	});

	it('does not count refused attempts towards the account-wide ceiling', async () => {
		const email = await person();
		const attacker = address();
		for (let i = 0; i < 10; i++) await checkCredentials(db, email, `wrong ${i}`, attacker);
		const refused = await Promise.all(
			times(120, (i) => checkCredentials(db, email, `more ${i}`, attacker))
		);
		expect(checked(refused)).toBe(0);
		expect(await checkCredentials(db, email, testPassword, address())).toMatchObject({ ok: true });
	});

	it('refuses the eleventh attempt from one address, even with the right password, until the window passes', async () => {
		const email = await person();
		const from = address();
		const start = new Date('2026-11-25T10:00:00Z');
		for (let i = 0; i < 10; i++) {
			const result = await checkCredentials(db, email, 'wrong guess', from, addMs(start, i * 1000));
			expect(result).toEqual({ ok: false, reason: 'wrong' });
		}
		const later = addMs(start, 20_000);
		expect(await checkCredentials(db, email, testPassword, from, later)).toEqual({
			ok: false,
			reason: 'blocked',
			retryAt: addMs(start, minutes(5))
		});
		expect(await checkCredentials(db, email, testPassword, address(), later)).toMatchObject({
			ok: true
		});
		expect(
			await checkCredentials(db, email, testPassword, from, addMs(start, minutes(5) + 1000))
		).toMatchObject({ ok: true });
	});

	it('forgives the failures from an address once the right password comes from it', async () => {
		const email = await person();
		const from = address();
		for (let i = 0; i < 9; i++) await checkCredentials(db, email, `typo ${i}`, from);
		expect(await checkCredentials(db, email, testPassword, from)).toMatchObject({ ok: true });
		const again = [];
		for (let i = 0; i < 10; i++) again.push(await checkCredentials(db, email, `typo ${i}`, from));
		expect(checked(again)).toBe(10);
	});

	it('refuses the 31st failure in five minutes from one address, across accounts', async () => {
		const from = address();
		const start = new Date('2026-11-25T11:00:00Z');
		for (let i = 0; i < 30; i++) {
			await checkCredentials(
				db,
				`guess${i}.${newId()}@test.example`,
				'wrong',
				from,
				addMs(start, i)
			);
		}
		const email = await person();
		expect(await checkCredentials(db, email, testPassword, from, addMs(start, 100))).toEqual({
			ok: false,
			reason: 'blocked',
			retryAt: addMs(start, minutes(5))
		});
		expect(
			await checkCredentials(db, email, testPassword, address(), addMs(start, 100))
		).toMatchObject({ ok: true });
	});
});
