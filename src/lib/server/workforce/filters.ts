import { periods, type Period } from '$lib/workforce/periods';
import { careerStages, type CareerStage } from '../db/schema';
import type { Db } from '../db';
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
		period: period && period in periods ? (period as Period) : defaultPeriod
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

/** The active practitioners the filters select (team, career stage, programme), as a subquery. */
export function practitioners(db: Db, filters: WorkforceFilters) {
	let query = db
		.selectFrom('users')
		.innerJoin('user_roles', 'user_roles.user_id', 'users.id')
		.select('users.id')
		.where('user_roles.role', '=', 'practitioner')
		.where('users.active', '=', 1);
	if (filters.teamId) query = query.where('users.team_id', '=', filters.teamId);
	if (filters.stage) query = query.where('users.career_stage', '=', filters.stage);
	if (filters.programme)
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('enrolments')
					.select('enrolments.id')
					.whereRef('enrolments.user_id', '=', 'users.id')
					.where('enrolments.programme', '=', filters.programme!)
			)
		);
	return query;
}
