import type { Db } from '../db';
import { newId } from '../db/ids';
import { addMs, minutes, timestamp } from '../db/time';

export const signInWindow = minutes(5);
export const maxFailures = 10;

/**
 * At most 10 wrong guesses in 5 minutes, per account and per address. Returns when the
 * person may try again, or undefined when they may try now.
 */
export async function signInBlockedUntil(db: Db, email: string, address: string, now = new Date()) {
	const since = timestamp(addMs(now, -signInWindow));
	for (const column of ['email', 'address'] as const) {
		const failures = await db
			.selectFrom('sign_in_failures')
			.select('at')
			.where(column, '=', column === 'email' ? email : address)
			.where('at', '>', since)
			.orderBy('at', 'desc')
			.limit(maxFailures)
			.execute();
		if (failures.length >= maxFailures) {
			// Blocked until the oldest of the last ten leaves the window.
			return addMs(new Date(failures[maxFailures - 1].at), signInWindow);
		}
	}
	return undefined;
}

export async function recordSignInFailure(
	db: Db,
	email: string,
	address: string,
	now = new Date()
) {
	await db
		.insertInto('sign_in_failures')
		.values({ id: newId(), email, address, at: timestamp(now) })
		.execute();
	// Keep the table small: nothing older than the window matters.
	await db
		.deleteFrom('sign_in_failures')
		.where('at', '<', timestamp(addMs(now, -signInWindow * 2)))
		.execute();
}
