import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { newUser, testDatabases } from '../db/testing';
import { addMs, minutes } from '../db/time';
import { FieldError } from '../errors';
import { endPendingSignIn, findPendingSignIn, createPendingSignIn } from './pending-sign-in';
import { codeLimits } from './rate-limit';
import { checkSecondFactor } from './second-factor';
import { newTotpKey, timeStep, totpCode } from './totp';
import {
	hasTwoFactor,
	remakeRecoveryCodes,
	turnOffTwoFactor,
	turnOnTwoFactor,
	twoFactorStatus
} from './two-factor';

const times = <T>(n: number, make: (i: number) => T) =>
	Array.from({ length: n }, (_, i) => make(i));

describe.each(testDatabases())('the second factor on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	// Each test has its own person, address and moment, so their limits and steps never meet.
	const address = () => `10.${newId().slice(0, 8)}`;
	const start = new Date('2026-11-23T09:00:00Z');

	async function personWithTwoFactor(now = start) {
		const id = await newUser(db);
		const person = { id, email: `${id}@test.example` };
		const key = newTotpKey();
		const recoveryCodes = await turnOnTwoFactor(db, id, key, totpCode(key, timeStep(now)), now);
		return { person, key, recoveryCodes };
	}

	it('is turned on only with a right code for the key, and gives ten recovery codes, kept hashed', async () => {
		const id = await newUser(db);
		const key = newTotpKey();
		const wrong = totpCode(key, timeStep(start) + 5);
		await expect(turnOnTwoFactor(db, id, key, wrong, start)).rejects.toThrow(FieldError);
		await expect(turnOnTwoFactor(db, id, 'not a key', '123456', start)).rejects.toThrow(
			/set-up has expired/
		);
		expect(await hasTwoFactor(db, id)).toBe(false);

		const codes = await turnOnTwoFactor(db, id, key, totpCode(key, timeStep(start)), start);
		expect(codes).toHaveLength(10);
		expect(await twoFactorStatus(db, id)).toEqual({
			since: start.toISOString(),
			recoveryCodesLeft: 10
		});
		const stored = await db
			.selectFrom('recovery_codes')
			.select('code_hash')
			.where('user_id', '=', id)
			.execute();
		const plain = codes.map((code) => code.replaceAll('-', ''));
		expect(stored.filter((row) => plain.some((code) => row.code_hash.includes(code)))).toEqual([]);
		// Turning it on again (another tab) is refused: the first key stays.
		const other = newTotpKey();
		const again = turnOnTwoFactor(db, id, other, totpCode(other, timeStep(start)), start);
		await expect(again).rejects.toMatchObject({ status: 409 });
	});

	it('takes a code from the app once: the code used to turn it on, or at sign-in, never again', async () => {
		const { person, key } = await personWithTwoFactor();
		const from = address();
		const setUpCode = totpCode(key, timeStep(start));
		expect(await checkSecondFactor(db, person, setUpCode, from, start)).toEqual({
			ok: false,
			reason: 'wrong'
		});
		const later = addMs(start, 30_000);
		const code = totpCode(key, timeStep(later));
		expect(await checkSecondFactor(db, person, code, from, later)).toEqual({
			ok: true,
			used: 'app'
		});
		expect(await checkSecondFactor(db, person, code, from, later)).toMatchObject({ ok: false });
		// Nor does an earlier step's code work once a later one was used.
		const earlier = totpCode(key, timeStep(later) - 1);
		expect(await checkSecondFactor(db, person, earlier, from, later)).toMatchObject({ ok: false });
	});

	it('takes each recovery code once, in any case; new codes replace the old', async () => {
		const { person, recoveryCodes } = await personWithTwoFactor();
		const from = address();
		const [first, second] = recoveryCodes;
		expect(await checkSecondFactor(db, person, first.toUpperCase(), from, start)).toEqual({
			ok: true,
			used: 'recovery-code'
		});
		expect(await checkSecondFactor(db, person, first, from, start)).toEqual({
			ok: false,
			reason: 'wrong'
		});
		expect((await twoFactorStatus(db, person.id))?.recoveryCodesLeft).toBe(9);

		const remade = await remakeRecoveryCodes(db, person.id, start);
		expect(remade.filter((code) => recoveryCodes.includes(code))).toEqual([]);
		expect(await checkSecondFactor(db, person, second, from, start)).toMatchObject({ ok: false });
		expect(await checkSecondFactor(db, person, remade[0], from, start)).toMatchObject({ ok: true });
		expect((await twoFactorStatus(db, person.id))?.recoveryCodesLeft).toBe(9);
	});

	it('lets exactly one of ten concurrent requests with one recovery code through', async () => {
		const { person, recoveryCodes } = await personWithTwoFactor();
		const results = await Promise.all(
			times(10, () => checkSecondFactor(db, person, recoveryCodes[0], address(), start))
		);
		expect(results.filter((result) => result.ok)).toHaveLength(1);
	});

	it('refuses even a right code after 5 wrong ones from one address, and after 10 from anywhere', async () => {
		const { person, key } = await personWithTwoFactor();
		const from = address();
		const now = addMs(start, 30_000);
		const right = totpCode(key, timeStep(now));
		for (let i = 0; i < codeLimits.pair.max; i++)
			expect(await checkSecondFactor(db, person, '000000', from, now)).toMatchObject({
				reason: 'wrong'
			});
		expect(await checkSecondFactor(db, person, right, from, now)).toEqual({
			ok: false,
			reason: 'blocked',
			retryAt: addMs(now, codeLimits.pair.window)
		});
		// Elsewhere the person may still enter it, until the account's ceiling.
		for (let i = codeLimits.pair.max; i < codeLimits.account.max; i++)
			await checkSecondFactor(db, person, '000000', address(), now);
		expect(await checkSecondFactor(db, person, right, address(), now)).toMatchObject({
			reason: 'blocked'
		});
		// Once the window has passed, the right code works.
		const after = addMs(now, codeLimits.account.window + 1);
		const code = totpCode(key, timeStep(after));
		expect(await checkSecondFactor(db, person, code, from, after)).toMatchObject({ ok: true });
	});

	it('checks exactly 5 of 20 concurrent guesses from one address', async () => {
		const { person } = await personWithTwoFactor();
		const from = address();
		const results = await Promise.all(
			times(20, (i) => checkSecondFactor(db, person, String(100000 + i), from, start))
		);
		expect(results.filter((r) => !r.ok && r.reason === 'wrong')).toHaveLength(codeLimits.pair.max);
	});

	it('forgives wrong codes from an address once a right one comes from it', async () => {
		const { person, key } = await personWithTwoFactor();
		const from = address();
		const now = addMs(start, 30_000);
		for (let i = 0; i < codeLimits.pair.max - 1; i++)
			await checkSecondFactor(db, person, '000000', from, now);
		const code = totpCode(key, timeStep(now));
		expect(await checkSecondFactor(db, person, code, from, now)).toMatchObject({ ok: true });
		for (let i = 0; i < codeLimits.pair.max - 1; i++)
			await checkSecondFactor(db, person, '000000', from, now);
		expect(await checkSecondFactor(db, person, '000000', from, now)).toMatchObject({
			reason: 'wrong'
		});
	});

	it('counts wrong codes apart from wrong passwords', async () => {
		const { person } = await personWithTwoFactor();
		const from = address();
		for (let i = 0; i < codeLimits.pair.max; i++)
			await checkSecondFactor(db, person, '000000', from, start);
		const kinds = await db
			.selectFrom('sign_in_failures')
			.select('kind')
			.where('email', '=', person.email)
			.execute();
		expect(kinds.map((row) => row.kind)).toEqual(times(codeLimits.pair.max, () => 'code'));
	});

	it('is turned off with its key and recovery codes, and then no code is taken', async () => {
		const { person, recoveryCodes } = await personWithTwoFactor();
		await turnOffTwoFactor(db, person.id, person.id, start);
		expect(await hasTwoFactor(db, person.id)).toBe(false);
		expect(await twoFactorStatus(db, person.id)).toBeUndefined();
		expect(await checkSecondFactor(db, person, recoveryCodes[1], address(), start)).toMatchObject({
			ok: false
		});
		const events = await db
			.selectFrom('events')
			.select('action')
			.where('subject_id', '=', person.id)
			.orderBy('at')
			.execute();
		expect(events.map((e) => e.action)).toEqual(['two-factor.on', 'two-factor.off']);
	});
});

describe.each(testDatabases())('a pending sign-in on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());
	const now = new Date('2026-11-23T09:00:00Z');

	it('names its person for 10 minutes, and ends once', async () => {
		const id = await newUser(db);
		const token = await createPendingSignIn(db, id, now);
		const pending = await findPendingSignIn(db, token, addMs(now, minutes(9)));
		expect(pending).toMatchObject({ userId: id, email: `${id}@test.example` });
		expect(await findPendingSignIn(db, token, addMs(now, minutes(10)))).toBeUndefined();
		expect(await findPendingSignIn(db, `${token}x`, now)).toBeUndefined();
		expect(await endPendingSignIn(db, pending!.id, now)).toBe(true);
		expect(await endPendingSignIn(db, pending!.id, now)).toBe(false);
		expect(await findPendingSignIn(db, token, now)).toBeUndefined();
	});

	it('names nobody once the person is deactivated', async () => {
		const id = await newUser(db);
		const token = await createPendingSignIn(db, id, now);
		await db.updateTable('users').set({ active: 0 }).where('id', '=', id).execute();
		expect(await findPendingSignIn(db, token, now)).toBeUndefined();
	});
});
