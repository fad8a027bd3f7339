import { inTransaction, type Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { timestamp } from '../db/time';
import { FieldError } from '../errors';
import { newRecoveryCodes, normaliseRecoveryCode, recoveryCodeHash } from './recovery-codes';
import { totpKeyBytes, totpStep } from './totp';

// A person's second factor: turned on with a code from their app, recovery codes made (and made
// again), turned off. Checking a code at sign-in is in `second-factor.ts`.

export interface TwoFactorStatus {
	since: string;
	recoveryCodesLeft: number;
}

/** Whether someone has a second factor, since when, and how many recovery codes are unused. */
export async function twoFactorStatus(
	db: Db,
	userId: string
): Promise<TwoFactorStatus | undefined> {
	const row = await db
		.selectFrom('two_factor')
		.select('created_at')
		.where('user_id', '=', userId)
		.executeTakeFirst();
	if (!row) return undefined;
	const { left } = await db
		.selectFrom('recovery_codes')
		.select((eb) => eb.fn.countAll<string | number>().as('left'))
		.where('user_id', '=', userId)
		.where('used_at', 'is', null)
		.executeTakeFirstOrThrow();
	return { since: row.created_at, recoveryCodesLeft: Number(left) };
}

export async function hasTwoFactor(db: Db, userId: string) {
	const row = await db
		.selectFrom('two_factor')
		.select('user_id')
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return row !== undefined;
}

export const wrongSetUpCode =
	'Enter the 6-digit code your app shows now: the code you entered is not right for this key';

/**
 * Turns the second factor on with the key the person's app was given, once a code from the app
 * proves it holds the key. Gives the ten recovery codes, to be shown once.
 */
export async function turnOnTwoFactor(
	db: Db,
	userId: string,
	key: string,
	code: string,
	now = new Date()
): Promise<string[]> {
	if (!totpKeyBytes(key))
		throw new FieldError('code', 'This set-up has expired: scan the new QR code and try again');
	const step = totpStep(key, code, -1, now);
	if (step === undefined) throw new FieldError('code', wrongSetUpCode);
	return inTransaction(db, async (tx) => {
		const added = await tx
			.insertInto('two_factor')
			.values({ user_id: userId, totp_key: key, last_step: step, created_at: timestamp(now) })
			.onConflict((oc) => oc.column('user_id').doNothing())
			.executeTakeFirst();
		if (!added.numInsertedOrUpdatedRows)
			throw new FieldError('code', 'Two-factor authentication is already on', 409);
		await recordEvent(tx, twoFactorEvent(userId, userId, 'on'), now);
		return replaceRecoveryCodes(tx, userId, now);
	});
}

/** New recovery codes in place of the old, which stop working; the new ones, to show once. */
export async function remakeRecoveryCodes(db: Db, userId: string, now = new Date()) {
	return inTransaction(db, async (tx) => {
		await recordEvent(tx, twoFactorEvent(userId, userId, 'recovery-codes'), now);
		return replaceRecoveryCodes(tx, userId, now);
	});
}

async function replaceRecoveryCodes(tx: Db, userId: string, now: Date) {
	const codes = newRecoveryCodes();
	await tx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
	await tx
		.insertInto('recovery_codes')
		.values(
			codes.map((code) => ({
				id: newId(),
				user_id: userId,
				code_hash: recoveryCodeHash(normaliseRecoveryCode(code)!),
				created_at: timestamp(now),
				used_at: null
			}))
		)
		.execute();
	return codes;
}

/**
 * Turns someone's second factor off: by themselves (where their role allows), or by an
 * administrator for someone who has lost their phone and their recovery codes.
 */
export async function turnOffTwoFactor(db: Db, userId: string, actorId: string, now = new Date()) {
	await inTransaction(db, async (tx) => {
		await tx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
		await tx.deleteFrom('two_factor').where('user_id', '=', userId).execute();
		await recordEvent(tx, twoFactorEvent(userId, actorId, 'off'), now);
	});
}

const twoFactorEvent = (userId: string, actorId: string, what: string) => ({
	actorId,
	action: `two-factor.${what}`,
	subjectType: 'user',
	subjectId: userId
});
