import type { Db } from '../db';
import { hashPassword, verifyPassword } from './password';
import { claimSignInAttempt, clearSignInFailures, forgetOldSignInFailures } from './rate-limit';

export type SignInResult =
	| { ok: true; userId: string }
	| { ok: false; reason: 'wrong' }
	| { ok: false; reason: 'blocked'; retryAt: Date };

// Checked against when the email is unknown, so both cases take as long as each other.
const decoyHash = hashPassword('a decoy password that nobody has');

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * Checks an email and password, with the rate limit applied first: once blocked, even the
 * right password is refused until the window passes. The attempt is counted before the
 * password is checked, and forgiven with the failures before it when the password is right.
 */
export async function checkCredentials(
	db: Db,
	email: string,
	password: string,
	address: string,
	now = new Date()
): Promise<SignInResult> {
	const normalised = normaliseEmail(email);
	const claim = await claimSignInAttempt(db, normalised, address, now);
	if (!claim.ok) return { ok: false, reason: 'blocked', retryAt: claim.retryAt };

	const user = await db
		.selectFrom('users')
		.select(['id', 'password_hash', 'active'])
		.where('email', '=', normalised)
		.executeTakeFirst();
	const valid = await verifyPassword(user?.password_hash ?? (await decoyHash), password);
	if (user && user.active && user.password_hash && valid) {
		await clearSignInFailures(db, normalised, address);
		return { ok: true, userId: user.id };
	}
	await forgetOldSignInFailures(db, now);
	return { ok: false, reason: 'wrong' };
}
