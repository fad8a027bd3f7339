import { PostgresAdapter, sql } from 'kysely';
import { inTransaction, type Db } from '../db';
import { newId } from '../db/ids';
import { addMs, minutes, timestamp } from '../db/time';

/**
 * How many sign-in attempts may fail, and in how long. The tight limit is per account and
 * address, so someone who knows a colleague's email can slow guesses at it from their own
 * address but cannot lock the colleague out at theirs. The account-wide ceiling stops guessing
 * spread over many addresses; the per-address limit stops one address trying account after
 * account, and is loose enough for an office whose staff share one address.
 */
export const signInLimits = {
	pair: { max: 10, window: minutes(5) },
	address: { max: 30, window: minutes(5) },
	account: { max: 100, window: minutes(15) }
} as const;

/**
 * The same for a second factor's codes, tighter: whoever guesses already has the password, and
 * a code has only a million values. Ten wrong codes in 15 minutes stop the account's codes
 * until the window passes, wherever the guesses come from.
 */
export const codeLimits = {
	pair: { max: 5, window: minutes(15) },
	address: { max: 30, window: minutes(15) },
	account: { max: 10, window: minutes(15) }
} as const;

/**
 * Requests for a link to reset a password: each sends an email, so few an hour to one address,
 * and the form cannot be used to flood someone's inbox. Counted by the address typed, whether
 * or not anyone has it, so a refusal says nothing about who has an account.
 */
export const resetLimits = {
	pair: { max: 3, window: minutes(60) },
	address: { max: 20, window: minutes(60) },
	account: { max: 5, window: minutes(60) }
} as const;

/**
 * Links for people without an account (feedback, observers, surveys) opened with a token that
 * is not one: 20 misses in 15 minutes from one address stop its tries until the window passes.
 * There is no account to count against, and no ceiling across addresses: a token has 160
 * random bits, so spreading guesses out gains nothing, and a ceiling would let anyone stop
 * every family's link at once.
 */
export const guestLinkLimits = {
	pair: { max: 20, window: minutes(15) },
	address: { max: 20, window: minutes(15) }
} as const;

/**
 * What an attempt is: a password guessed, a second factor's code guessed, a reset link asked
 * for, or a link without an account opened; each has its own limits.
 */
export type AttemptKind = 'password' | 'code' | 'reset' | 'link';

type Scope = keyof typeof signInLimits;
type Limits = Partial<Record<Scope, { max: number; window: number }>>;

const limitsOf: Record<AttemptKind, Limits> = {
	password: signInLimits,
	code: codeLimits,
	reset: resetLimits,
	link: guestLinkLimits
};

export const longestWindow = Math.max(
	...Object.values(limitsOf).flatMap((limits) => Object.values(limits).map((l) => l.window))
);

/** An attempt let through carries its id, so one that proves right can be forgiven alone. */
export type SignInClaim = { ok: true; id: string } | { ok: false; retryAt: Date };

/**
 * Counts an attempt before its password is checked, as a failure until the password proves
 * right, so that concurrent guesses cannot all slip in under the limit. Refused attempts are
 * not counted, so hammering a blocked account from one address does not use up its ceiling.
 */
export async function claimSignInAttempt(
	db: Db,
	email: string,
	address: string,
	now = new Date(),
	kind: AttemptKind = 'password'
): Promise<SignInClaim> {
	return inTransaction(db, async (tx) => {
		await lockSignInAttempts(tx, email, address);
		const waits = await Promise.all(
			(Object.keys(limitsOf[kind]) as Scope[]).map((scope) =>
				retryAt(tx, kind, scope, email, address, now)
			)
		);
		const blocked = waits.filter((wait) => wait !== undefined);
		if (blocked.length) {
			return { ok: false, retryAt: new Date(Math.max(...blocked.map(Number))) };
		}
		const id = newId();
		await tx
			.insertInto('sign_in_failures')
			.values({ id, email, address, at: timestamp(now), kind })
			.execute();
		return { ok: true, id };
	});
}

/**
 * On SQLite every transaction takes the database's one write lock as it begins. On
 * PostgreSQL, two servers counting attempts for one account or one address take turns through
 * transaction-scoped advisory locks: always the account's first, so two attempts cannot each
 * hold the lock the other waits for.
 */
async function lockSignInAttempts(tx: Db, email: string, address: string) {
	if (!(tx.getExecutor().adapter instanceof PostgresAdapter)) return;
	for (const key of [`account:${email}`, `address:${address}`]) {
		await sql`select pg_advisory_xact_lock(${advisoryLockSpace}, hashtext(${key}))`.execute(tx);
	}
}

// The first half of a two-part advisory lock key, so these locks cannot clash with others.
const advisoryLockSpace = 0x5349474e; // "SIGN"

/** When an attempt may be made again, if this scope's limit is used up. */
async function retryAt(
	tx: Db,
	kind: AttemptKind,
	scope: Scope,
	email: string,
	address: string,
	now: Date
) {
	const { max, window } = limitsOf[kind][scope]!;
	let query = tx
		.selectFrom('sign_in_failures')
		.select('at')
		.where('kind', '=', kind)
		.where('at', '>', timestamp(addMs(now, -window)));
	if (scope !== 'address') query = query.where('email', '=', email);
	if (scope !== 'account') query = query.where('address', '=', address);
	// Blocked until the oldest of the last `max` leaves the window.
	const oldest = await query
		.orderBy('at', 'desc')
		.limit(1)
		.offset(max - 1)
		.executeTakeFirst();
	return oldest && addMs(new Date(oldest.at), window);
}

/** After the right password (or code): the failures from this address at this account are forgiven. */
export async function clearSignInFailures(
	db: Db,
	email: string,
	address: string,
	kind: AttemptKind = 'password'
) {
	await db
		.deleteFrom('sign_in_failures')
		.where('email', '=', email)
		.where('address', '=', address)
		.where('kind', '=', kind)
		.execute();
}

/** One attempt that proved right is not a failure (a link that was real), and no other is forgiven. */
export async function forgiveAttempt(db: Db, id: string) {
	await db.deleteFrom('sign_in_failures').where('id', '=', id).execute();
}

/** Keeps the table small: nothing older than the longest window matters. */
export async function forgetOldSignInFailures(db: Db, now = new Date()) {
	await db
		.deleteFrom('sign_in_failures')
		.where('at', '<', timestamp(addMs(now, -longestWindow)))
		.execute();
}
