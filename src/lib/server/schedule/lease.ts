import type { Db } from '../db';
import { addMs, timestamp } from '../db/time';

// A lease names which of several app servers on one database does a piece of scheduled work,
// and until when. One statement takes it: it is written when there is none, when it has
// expired, or when it is the taker's own (renewed); otherwise the statement changes nothing.
// Both SQLite and PostgreSQL run it atomically, so of two servers asking at once one gets it.

export interface Lease {
	name: string;
	holder: string;
	expiresAt: string;
}

/** Takes (or renews) the lease `name` for `holder` until `now + ms`; false when another holds it. */
export async function takeLease(
	db: Db,
	name: string,
	holder: string,
	ms: number,
	now = new Date()
): Promise<boolean> {
	const expires_at = timestamp(addMs(now, ms));
	const taken = await db
		.insertInto('leases')
		.values({ name, holder, expires_at })
		.onConflict((oc) =>
			oc
				.column('name')
				.doUpdateSet({ holder, expires_at })
				.where((eb) =>
					eb.or([eb('leases.expires_at', '<=', timestamp(now)), eb('leases.holder', '=', holder)])
				)
		)
		.returning('holder')
		.executeTakeFirst();
	return taken !== undefined;
}

/** Gives the lease up, if `holder` still holds it, so another may take it at once. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
	await db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
}

/** Who holds the lease, until when; undefined when nobody has taken it. */
export async function readLease(db: Db, name: string): Promise<Lease | undefined> {
	const row = await db.selectFrom('leases').selectAll().where('name', '=', name).executeTakeFirst();
	return row && { name: row.name, holder: row.holder, expiresAt: row.expires_at };
}
