import { formatDate } from '../../format';
import type { Db } from '../db';
import { dateOnly } from '../db/time';
import { percent, type Table } from '../workforce/figures';
import { groupsToShow, smallestGroup, type Group, type TeamCount } from './grouping';
import {
	closedOn,
	isOpen,
	listHealthChecks,
	questionsOf,
	surveyTitle,
	type HealthCheck
} from './surveys';

// A closed survey's results by group (grouping.ts decides which groups may be shown): for each,
// how many answered of those sent a link, and the share who agree with each statement. Nothing
// is shown while a survey is open: results that change answer by answer would let someone who
// knows who answered on a day read that person's answer from the difference.

const levelNames: Record<Group['level'], string> = {
	authority: 'Everyone',
	service: 'Service',
	team: 'Team',
	other: 'Services merged'
};

/** Each team's invitations and answers, with its name and its service as the survey opened. */
async function teamCounts(db: Db, surveyId: string): Promise<TeamCount[]> {
	const invited = await db
		.selectFrom('health_check_invitations')
		.leftJoin('teams', 'teams.id', 'health_check_invitations.team_id')
		.select(['health_check_invitations.team_id', 'health_check_invitations.service', 'teams.name'])
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('health_check_id', '=', surveyId)
		.groupBy(['health_check_invitations.team_id', 'health_check_invitations.service', 'teams.name'])
		.execute();
	const answered = await db
		.selectFrom('health_check_answers')
		.select(['team_id'])
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('health_check_id', '=', surveyId)
		.groupBy('team_id')
		.execute();
	return invited.map((row) => ({
		teamId: row.team_id,
		team: row.name ?? 'A team since removed',
		service: row.service,
		invited: Number(row.n),
		answers: Number(answered.find((a) => a.team_id === row.team_id)?.n ?? 0)
	}));
}

/** The survey's state in words: "Open until 14 December 2026", "Closed on 2 December 2026". */
export function surveyState(survey: HealthCheck, today = dateOnly()) {
	return isOpen(survey, today)
		? `Open until ${formatDate(survey.closes_on)}`
		: `Closed on ${formatDate(closedOn(survey))}`;
}

/** How many answered, of how many were sent a link: always shown, open or closed. */
export function responseTable(survey: HealthCheck | undefined, today = dateOnly()): Table {
	const answered = survey?.answered ?? 0;
	return {
		id: 'health-check-response',
		title: survey ? `${surveyTitle(survey)}: response` : 'Staff health check: none yet',
		columns: [
			{ key: 'year', label: 'Year' },
			{ key: 'state', label: 'State' },
			{ key: 'invited', label: 'Sent a link', numeric: true },
			{ key: 'answered', label: 'Answered', numeric: true },
			{ key: 'rate', label: 'Response rate (%)', numeric: true }
		],
		rows: survey
			? [
					{
						year: String(survey.year),
						state: surveyState(survey, today),
						invited: survey.invited,
						answered,
						rate: percent(answered, survey.invited)
					}
				]
			: []
	};
}

/** Why a survey shows no groups, when it shows none. */
function withheld(survey: HealthCheck, shown: number, today: string) {
	if (isOpen(survey, today))
		return `shown once it closes on ${formatDate(survey.closes_on)}, so that no answer can be told from the next`;
	if (!shown) return `fewer than ${smallestGroup} answers, so none are shown`;
	return `groups of ${smallestGroup} answers or more; smaller teams merged into their service`;
}

/** The results by group, for a closed survey with enough answers; otherwise no rows, and why. */
export async function resultsTable(
	db: Db,
	survey: HealthCheck,
	today = dateOnly()
): Promise<Table> {
	const questions = questionsOf(survey).questions.filter((q) => q.kind === 'scale');
	const closed = !isOpen(survey, today);
	const groups = closed ? groupsToShow(await teamCounts(db, survey.id)) : [];
	const answers = groups.length
		? await db
				.selectFrom('health_check_answers')
				.select(['team_id', 'scores'])
				.where('health_check_id', '=', survey.id)
				.execute()
		: [];
	const parsed = answers.map((a) => ({
		teamId: a.team_id,
		scores: JSON.parse(a.scores) as Record<string, number>
	}));
	return {
		id: 'health-check',
		title: `${surveyTitle(survey)} by group: ${withheld(survey, groups.length, today)}`,
		columns: [
			{ key: 'group', label: 'Group' },
			{ key: 'level', label: 'Level' },
			{ key: 'includes', label: 'Takes in' },
			{ key: 'answers', label: 'Answers', numeric: true },
			{ key: 'rate', label: 'Response rate (%)', numeric: true },
			...questions.map((q) => ({ key: q.id, label: `${q.label}: agree (%)`, numeric: true }))
		],
		rows: groups.map((group) => {
			const mine = parsed.filter((a) => group.teamIds.includes(a.teamId));
			const agree = (id: string) =>
				percent(
					mine.filter((a) => a.scores[id] >= 4).length,
					mine.filter((a) => a.scores[id]).length
				);
			return {
				group: group.name,
				level: levelNames[group.level],
				includes: group.includes.join(', '),
				answers: group.answers,
				rate: percent(group.answers, group.invited),
				...Object.fromEntries(questions.map((q) => [q.id, agree(q.id)]))
			};
		})
	};
}

/**
 * The answers in words, for a closed survey of enough answers: with no group, and in
 * alphabetical order rather than the order given, so none can be placed by when it came.
 */
export async function surveyComments(db: Db, survey: HealthCheck, today = dateOnly()) {
	if (isOpen(survey, today) || survey.answered < smallestGroup) return [];
	const rows = await db
		.selectFrom('health_check_answers')
		.select('comment')
		.where('health_check_id', '=', survey.id)
		.where('comment', '!=', '')
		.execute();
	return rows.map((r) => r.comment).sort((a, b) => a.localeCompare(b));
}

/**
 * The quarterly report's health check: the latest survey of the quarter's year or before, its
 * response and its results by group. For every team: the team filter does not apply, since a
 * team's own figures could fall under five.
 */
export async function healthCheckTables(db: Db, quarter: string, today = dateOnly()) {
	const year = Number(quarter.slice(0, 4));
	const survey = (await listHealthChecks(db)).find((s) => s.year <= year);
	return [responseTable(survey, today), ...(survey ? [await resultsTable(db, survey, today)] : [])];
}
