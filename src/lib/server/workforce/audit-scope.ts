import { sql, type ExpressionBuilder } from 'kysely';
import type { Database, Db } from '../db';
import { addDays } from '../db/time';
import { addMonths } from '../programme/month';
import type { WorkforceFilters } from './filters';

// Which audits a figure counts, and the months and quarters they fall in: shared by the audit
// analysis, the recurring themes and the quarterly report.

export type Grain = 'month' | 'quarter';

/** `2026-11` or `2026-Q4` from an audit's date, in SQL that SQLite and PostgreSQL both run. */
export const bucket = (grain: Grain) =>
	grain === 'month'
		? sql<string>`substr(audits.audited_on, 1, 7)`
		: sql<string>`substr(audits.audited_on, 1, 4) || '-Q' || ((cast(substr(audits.audited_on, 6, 2) as integer) + 2) / 3)`;

/** `2026-11` or `2026-Q4` from a kept table's `month` (`2026-11`), as `bucket` gives them. */
export const monthBucket = (grain: Grain) =>
	grain === 'month'
		? sql<string>`month`
		: sql<string>`substr(month, 1, 4) || '-Q' || ((cast(substr(month, 6, 2) as integer) + 2) / 3)`;

/** The quarter a date falls in, e.g. `2026-Q4`. */
export const quarterOf = (date: string) =>
	`${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) + 2) / 3)}`;

/** The first and last day of a quarter such as `2026-Q4`. */
export function quarterDates(quarter: string) {
	const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(-1))];
	const start = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
	const end = addMonths(start, 3);
	return { start, end: addDays(end, -1) };
}

export const previousQuarter = (quarter: string) =>
	quarterOf(addMonths(quarterDates(quarter).start, -3));

/** Finalised audits the filters select: team, the practitioner's stage and programme, period. */
export function scoped(filters: WorkforceFilters, since: string | undefined) {
	return (eb: ExpressionBuilder<Database, 'audits'>) => {
		const conditions = [eb('audits.status', '=', 'finalised')];
		if (filters.teamId) conditions.push(eb('audits.team_id', '=', filters.teamId));
		if (since) conditions.push(eb('audits.audited_on', '>=', since));
		if (filters.stage)
			conditions.push(
				eb(
					'audits.practitioner_id',
					'in',
					eb.selectFrom('users').select('users.id').where('users.career_stage', '=', filters.stage)
				)
			);
		if (filters.programme)
			conditions.push(
				eb(
					'audits.practitioner_id',
					'in',
					eb
						.selectFrom('enrolments')
						.select('enrolments.user_id')
						.where('enrolments.programme', '=', filters.programme)
				)
			);
		return eb.and(conditions);
	};
}

/** The condition `scoped` builds, for the queries that take it. */
export type AuditsWhere = ReturnType<typeof scoped>;

/**
 * The finalised audits of a quarter such as `2026-Q4` (through a later quarter, `through`), of
 * one team where one is given.
 */
export function finalisedIn(
	db: Db,
	quarter: string,
	teamId: string | undefined,
	through = quarter
) {
	return db
		.selectFrom('audits')
		.where('audits.status', '=', 'finalised')
		.where('audits.audited_on', '>=', quarterDates(quarter).start)
		.where('audits.audited_on', '<=', quarterDates(through).end)
		.$if(Boolean(teamId), (q) => q.where('audits.team_id', '=', teamId!));
}
