import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database, Db } from '../db';
import { addMs, days, timestamp } from '../db/time';
import { longestWindow } from '../auth/rate-limit';
import { absoluteTimeout, idleTimeout } from '../auth/session';
import type { RetentionPolicy } from './policy';

// What is deleted by age alone, row by row with no record hanging from it: sign-in leftovers
// past their own expiry, and the outbox and staff files past the policy's days. The dry run
// counts with the same conditions the run deletes with.

type Where<T extends keyof Database> = (eb: ExpressionBuilder<Database, T>) => Expression<SqlBool>;

interface Sweep<T extends keyof Database> {
	table: T;
	where: Where<T>;
}

const sweep = <T extends keyof Database>(table: T, where: Where<T>): Sweep<T> => ({ table, where });

/** Each kind of row that goes by age, by the name the run reports it under. */
export function sweeps(policy: RetentionPolicy, now: Date) {
	const before = (ms: number) => timestamp(addMs(now, -ms));
	return {
		sessions: sweep('sessions', (eb) =>
			eb.or([
				eb('last_seen_at', '<', before(idleTimeout)),
				eb('created_at', '<', before(absoluteTimeout))
			])
		),
		links: sweep('one_time_tokens', (eb) => eb('expires_at', '<', timestamp(now))),
		// Kept 90 days past expiry, so a used link still thanks whoever opens it again.
		guestLinks: sweep('guest_links', (eb) => eb('expires_at', '<', before(days(90)))),
		// Where a request for feedback went, once its link can no longer be used.
		feedbackContacts: sweep('feedback_contacts', (eb) => eb('expires_at', '<=', timestamp(now))),
		pendingSignIns: sweep('pending_sign_ins', (eb) => eb('expires_at', '<=', timestamp(now))),
		signInFailures: sweep('sign_in_failures', (eb) => eb('at', '<', before(longestWindow))),
		emails: sweep('outbox', (eb) => eb('created_at', '<', before(days(policy.outboxDays)))),
		staffFiles: sweep('imports', (eb) => eb('uploaded_at', '<', before(days(policy.staffFileDays))))
	};
}

export type SweepName = keyof ReturnType<typeof sweeps>;

export async function countSweep<T extends keyof Database>(db: Db, { table, where }: Sweep<T>) {
	const row = await db
		.selectFrom(table as keyof Database)
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.where(where as never)
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

export async function runSweep<T extends keyof Database>(db: Db, { table, where }: Sweep<T>) {
	const result = await db
		.deleteFrom(table as keyof Database)
		.where(where as never)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}
