import type { Db } from '../db';
import type { CpdRule } from '../workforce/cpd-rule';

// Each person's CPD by registration year, kept by triggers (migration 2026-12-10-03) on the day
// the year starts, which is content: the rule's day is written as the server starts.

/** Writes the rule's first day of the year; a changed day recounts every kept year (a trigger). */
export async function keepCpdYears(db: Db, rule: CpdRule) {
	await db
		.updateTable('cpd_year_rule')
		.set({ starts: rule.registrationYearStarts })
		.where('starts', '<>', rule.registrationYearStarts)
		.execute();
}

/** Whether the kept years start on the rule's day, so that they answer for it. */
export async function keptYearsFollow(db: Db, rule: CpdRule) {
	const kept = await db.selectFrom('cpd_year_rule').select('starts').executeTakeFirst();
	return kept?.starts === rule.registrationYearStarts;
}
