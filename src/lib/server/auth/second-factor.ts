import { formatTime } from '$lib/format';
import type { Db } from '../db';
import { timestamp } from '../db/time';
import { claimSignInAttempt, clearSignInFailures, forgetOldSignInFailures } from './rate-limit';
import { normaliseRecoveryCode, recoveryCodeHash } from './recovery-codes';
import { totpStep } from './totp';

// Checking a second factor's code: from the app, or a recovery code, each usable once, with
// guesses limited as passwords are (`rate-limit.ts`, limits of their own).

export type CodeCheck =
	| { ok: true; used: 'app' | 'recovery-code' }
	| { ok: false; reason: 'wrong' }
	| { ok: false; reason: 'blocked'; retryAt: Date };

/**
 * Checks a code someone typed, counted before it is checked and forgiven with the failures
 * before it when it is right; once blocked, even the right code is refused until the window
 * passes.
 */
export async function checkSecondFactor(
	db: Db,
	person: { id: string; email: string },
	typed: string,
	address: string,
	now = new Date()
): Promise<CodeCheck> {
	const claim = await claimSignInAttempt(db, person.email, address, now, 'code');
	if (!claim.ok) return { ok: false, reason: 'blocked', retryAt: claim.retryAt };
	const used = await useCode(db, person.id, typed, now);
	if (used) {
		await clearSignInFailures(db, person.email, address, 'code');
		return { ok: true, used };
	}
	await forgetOldSignInFailures(db, now);
	return { ok: false, reason: 'wrong' };
}

/** Why a code was refused, in words for the person, with the status to answer. */
export function codeRefusal(check: Exclude<CodeCheck, { ok: true }>) {
	return check.reason === 'blocked'
		? {
				message: `Too many codes tried. Try again after ${formatTime(check.retryAt)}.`,
				status: 429
			}
		: {
				message:
					'Enter a correct code: the 6-digit code your app shows now, or an unused recovery code',
				status: 400
			};
}

/**
 * Uses up a code: the app's time step is recorded (a later code must be for a later step) and
 * a recovery code marked used, each only where nobody used it first, so two requests with one
 * code cannot both succeed.
 */
async function useCode(db: Db, userId: string, typed: string, now: Date) {
	const factor = await db
		.selectFrom('two_factor')
		.select(['totp_key', 'last_step'])
		.where('user_id', '=', userId)
		.executeTakeFirst();
	if (!factor) return undefined;
	const step = totpStep(factor.totp_key, typed, factor.last_step, now);
	if (step !== undefined) {
		const result = await db
			.updateTable('two_factor')
			.set({ last_step: step })
			.where('user_id', '=', userId)
			.where('last_step', '<', step)
			.executeTakeFirst();
		return result.numUpdatedRows ? ('app' as const) : undefined;
	}
	const code = normaliseRecoveryCode(typed);
	if (!code) return undefined;
	const result = await db
		.updateTable('recovery_codes')
		.set({ used_at: timestamp(now) })
		.where('user_id', '=', userId)
		.where('code_hash', '=', recoveryCodeHash(code))
		.where('used_at', 'is', null)
		.executeTakeFirst();
	return result.numUpdatedRows ? ('recovery-code' as const) : undefined;
}
