import type { Db } from '../db';
import { addDays } from '../db/time';
import type { RetentionPolicy } from './policy';

/** The day `years` before `date` (both `YYYY-MM-DD`); 29 February goes back to 1 March. */
export function yearsBefore(date: string, years: number): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y - years, m - 1, d)).toISOString().slice(0, 10);
}

/**
 * Leavers whose portfolio's time is up on `today`: deactivated on or before the day
 * `leaverYears` before it, and not yet erased. Oldest first.
 */
export async function dueLeavers(db: Db, policy: RetentionPolicy, today: string) {
	const lastDay = yearsBefore(today, policy.leaverYears);
	const rows = await db
		.selectFrom('users')
		.select(['id', 'deactivated_at'])
		.where('active', '=', 0)
		.where('erased_at', 'is', null)
		.where('deactivated_at', 'is not', null)
		// A timestamp on the last day sorts before the next day's date.
		.where('deactivated_at', '<', addDays(lastDay, 1))
		.orderBy('deactivated_at')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({ id: r.id, leftOn: r.deactivated_at!.slice(0, 10) }));
}

/** Audits, drafts or finalised, audited on or before the day `auditYears` before `today`. */
export async function dueAudits(db: Db, policy: RetentionPolicy, today: string) {
	const rows = await db
		.selectFrom('audits')
		.select(['id', 'audited_on'])
		.where('audited_on', '<=', yearsBefore(today, policy.auditYears))
		.orderBy('audited_on')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({ id: r.id, auditedOn: r.audited_on }));
}
