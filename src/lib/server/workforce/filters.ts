import { periods, type Period } from '$lib/workforce/periods';
import { careerStages, type CareerStage } from '../db/schema';
import type { ExpressionBuilder } from 'kysely';
import type { Database, Db } from '../db';
import { isKeyOf } from '../forms';
import { addMonths } from '../programme/month';

export interface WorkforceFilters {
	teamId?: string;
	stage?: CareerStage;
	programme?: string;
	period: Period;
}

/**
 * Reads the filters from a query string; anything unknown is ignored. A view may look back over
 * a shorter period by default (`all` in the query string then asks for all time).
 */
export function parseFilters(
	params: URLSearchParams,
	defaultPeriod: Period = 'all'
): WorkforceFilters {
	const stage = params.get('stage');
	const period = params.get('period');
	return {
		teamId: params.get('team') || undefined,
		stage: careerStages.includes(stage as CareerStage) ? (stage as CareerStage) : undefined,
		programme: params.get('programme') || undefined,
		// Its own entries only: `period=constructor` is in every object.
		period: period && isKeyOf(periods, period) ? period : defaultPeriod
	};
}

/** The filters as query parameters, for links and for the JSON answer. */
export function filterParams(filters: WorkforceFilters): Record<string, string> {
	return Object.fromEntries(
		Object.entries({
			team: filters.teamId,
			stage: filters.stage,
			programme: filters.programme,
			period: filters.period
		}).filter((entry): entry is [string, string] => Boolean(entry[1]))
	);
}

/** The first day the period covers, or undefined for all time. */
export function periodStart(period: Period, today: string): string | undefined {
	return period === 'all' ? undefined : addMonths(today, -Number(period.slice(0, -1)));
}

/**
 * The active practitioners the filters select (team, career stage, programme), as a subquery:
 * `isPractitioner` asked of every person.
 */
export function practitioners(db: Db, filters: WorkforceFilters) {
	return db.selectFrom('users').select('users.id').where(isPractitioner(filters));
}

/** The person (`users`) has been enrolled on the programme. */
const enrolledIn = (programme: string) => (eb: ExpressionBuilder<Database, 'users'>) =>
	eb.exists(
		eb
			.selectFrom('enrolments')
			.select('enrolments.id')
			.whereRef('enrolments.user_id', '=', 'users.id')
			.where('enrolments.programme', '=', programme)
	);

/**
 * The person (`users`) is an active practitioner the filters select: a condition on a query that
 * has the person's row already. For a few thousand rows, asking `users.id in (practitioners)`
 * made PostgreSQL join every practitioner to their roles (about 120 ms at 40,000, with the
 * subquery written as a join), where this looks up only theirs.
 */
export function isPractitioner(filters: WorkforceFilters) {
	return (eb: ExpressionBuilder<Database, 'users'>) => {
		const role = eb
			.selectFrom('user_roles')
			.select('user_roles.user_id')
			.whereRef('user_roles.user_id', '=', 'users.id')
			.where('user_roles.role', '=', 'practitioner');
		const conditions = [eb('users.active', '=', 1), eb.exists(role)];
		if (filters.teamId) conditions.push(eb('users.team_id', '=', filters.teamId));
		if (filters.stage) conditions.push(eb('users.career_stage', '=', filters.stage));
		if (filters.programme) conditions.push(enrolledIn(filters.programme)(eb));
		return eb.and(conditions);
	};
}
