import { sql, type ExpressionBuilder } from 'kysely';
import type { Database, Db } from '../db';
import { addDays } from '../db/time';
import { addMonths } from '../programme/month';
import type { WorkforceFilters } from './filters';

// Which audits a figure counts, and the months and quarters they fall in: shared by the audit
// analysis, the recurring themes and the quarterly report.

export type Grain = 'month' | 'quarter';

/**
 * `2026-11` or `2026-Q4` from an audit's date (or another `yyyy-mm…` column), in SQL that SQLite
 * and PostgreSQL both run.
 */
export const bucket = (grain: Grain, column = 'audits.audited_on') => {
	const date = sql.ref(column);
	return grain === 'month'
		? sql<string>`substr(${date}, 1, 7)`
		: sql<string>`substr(${date}, 1, 4) || '-Q' || ((cast(substr(${date}, 6, 2) as integer) + 2) / 3)`;
};

/** `2026-11` or `2026-Q4` from a kept table's `month` (`2026-11`), as `bucket` gives them. */
export const monthBucket = (grain: Grain) => bucket(grain, 'month');

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

/** What `scoped` is built from: the filters, and the first day of the period (none: all time). */
export type Scope = { filters: WorkforceFilters; since: string | undefined };

/**
 * Rows of finalised audits of a quarter such as `2026-Q4` (through a later quarter, `through`),
 * of one team where one is given: `columns` name the row's audit status, day and team.
 */
function inQuarters(
	columns: readonly [status: string, day: string, team: string],
	quarter: string,
	teamId: string | undefined,
	through: string
) {
	const [status, day, team] = columns.map((column) => sql.ref(column));
	const [from, to] = [quarterDates(quarter).start, quarterDates(through).end];
	const ofTeam = teamId ? sql` and ${team} = ${teamId}` : sql``;
	return sql<boolean>`${status} = 'finalised' and ${day} >= ${from} and ${day} <= ${to}${ofTeam}`;
}

/** The finalised audits of a quarter (through a later `through`), of one team where given. */
export const finalisedIn = (db: Db, quarter: string, teamId?: string, through = quarter) =>
	db
		.selectFrom('audits')
		.where(
			inQuarters(['audits.status', 'audits.audited_on', 'audits.team_id'], quarter, teamId, through)
		);

/**
 * The actions of the finalised audits of a quarter (through a later `through`), of one team
 * where given: by what each action keeps of its audit (2026-12-10-05), one range of an index.
 */
export const ofFinalisedAudits = (db: Db, quarter: string, teamId?: string, through = quarter) =>
	db
		.selectFrom('audit_actions')
		.where(
			inQuarters(
				['audit_actions.audit_status', 'audit_actions.audited_on', 'audit_actions.audit_team_id'],
				quarter,
				teamId,
				through
			)
		);
