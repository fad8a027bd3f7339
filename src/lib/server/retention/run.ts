import type { Db } from '../db';
import { batches } from '../db/batches';
import { recordEvent } from '../db/events';
import { dateOnly } from '../db/time';
import { dueAudits, dueLeavers } from './due';
import { eraseAudits } from './erase-audits';
import { erasePerson } from './erase-person';
import type { RetentionPolicy } from './policy';
import { countSweep, runSweep, sweeps, type SweepName } from './sweeps';

export interface RetentionReport {
	today: string;
	dryRun: boolean;
	/** Leavers whose portfolio is (or, in a dry run, would be) erased, by id. */
	leavers: { id: string; leftOn: string }[];
	audits: { id: string; auditedOn: string }[];
	/** Rows deleted by age alone, by kind. */
	swept: Record<SweepName, number>;
	/** Stored files deleted with the leavers' records. */
	filesDeleted: number;
}

/**
 * What the retention policy says is due on `now`'s day, and, unless `dryRun`, erases it: each
 * leaver as `erasePerson` erases someone (a transaction each), the audits, and what goes by age.
 * A run records one event with the counts; a dry run changes nothing. `key`: the sign-off key.
 */
export async function runRetention(
	db: Db,
	policy: RetentionPolicy,
	options: { now?: Date; dryRun: boolean; key?: string }
): Promise<RetentionReport> {
	const now = options.now ?? new Date();
	const today = dateOnly(now);
	const leavers = await dueLeavers(db, policy, today);
	const audits = await dueAudits(db, policy, today);
	const kinds = sweeps(policy, now);
	const names = Object.keys(kinds) as SweepName[];
	const report = { today, dryRun: options.dryRun, leavers, audits, filesDeleted: 0 };
	if (options.dryRun) {
		const swept = {} as Record<SweepName, number>;
		for (const name of names) swept[name] = await countSweep(db, kinds[name]);
		return { ...report, swept };
	}
	for (const leaver of leavers) {
		const erased = await erasePerson(db, null, leaver.id, now, options.key);
		report.filesDeleted += erased.filesDeleted;
	}
	const swept = await db.transaction().execute(async (tx) => {
		for (const group of batches(audits.map((a) => a.id))) await eraseAudits(tx, group);
		const counts = {} as Record<SweepName, number>;
		for (const name of names) counts[name] = await runSweep(tx, kinds[name]);
		await recordEvent(
			tx,
			{
				actorId: null,
				action: 'retention.run',
				subjectType: 'retention',
				subjectId: today,
				detail: {
					leavers: leavers.length,
					audits: audits.length,
					files: report.filesDeleted,
					...counts
				}
			},
			now
		);
		return counts;
	});
	return { ...report, swept };
}
