import type { Db } from '../db';
import type { LearningNeedStatus } from '../db/schema';
import { dateOnly } from '../db/time';
import type { Framework } from '../framework';
import { outcomesOf } from '../framework';
import { pathwayImpact, summariseImpact } from '../learning/impact';
import { pathways } from '../pathways';
import type { Table } from './figures';
import { periodStart, practitioners, type WorkforceFilters } from './filters';

/**
 * Learning across the workforce: learning needs by outcome and by team (open, waiting for the
 * review of a completed pathway's evidence, and met: that evidence accepted), pathways
 * assigned, started and completed, and what later audits showed after each pathway.
 */
export async function learningFigures(
	db: Db,
	framework: Framework,
	filters: WorkforceFilters,
	today = dateOnly()
): Promise<Table[]> {
	const since = periodStart(filters.period, today);
	const people = practitioners(db, filters);
	const needs = db
		.selectFrom('learning_needs')
		.where('learning_needs.practitioner_id', 'in', people)
		.$if(Boolean(since), (q) => q.where('learning_needs.created_at', '>=', since!));
	const [byOutcome, byTeam, assigned, progress, impact] = await Promise.all([
		needs
			.innerJoin('learning_need_outcomes', 'learning_need_outcomes.need_id', 'learning_needs.id')
			.select([
				'learning_need_outcomes.outcome_id',
				'learning_needs.status',
				(eb) => eb.fn.countAll<number>().as('n')
			])
			.where('learning_need_outcomes.framework_version', '=', framework.version.id)
			.groupBy(['learning_need_outcomes.outcome_id', 'learning_needs.status'])
			.execute(),
		needs
			.innerJoin('users', 'users.id', 'learning_needs.practitioner_id')
			.leftJoin('teams', 'teams.id', 'users.team_id')
			.select([
				'teams.name as team',
				'learning_needs.status',
				(eb) => eb.fn.countAll<number>().as('n')
			])
			.groupBy(['teams.name', 'learning_needs.status'])
			.execute(),
		db
			.selectFrom('pathway_assignments')
			.select(['pathway_id', 'scope', (eb) => eb.fn.countAll<number>().as('n')])
			.$if(Boolean(since), (q) => q.where('assigned_at', '>=', since!))
			.groupBy(['pathway_id', 'scope'])
			.execute(),
		db
			.selectFrom('pathway_progress')
			.innerJoin('pathway_assignments', 'pathway_assignments.id', 'pathway_progress.assignment_id')
			.select([
				'pathway_assignments.pathway_id',
				(eb) => eb.fn.countAll<number>().as('started'),
				(eb) => eb.fn.count<number>('pathway_progress.completed_at').as('completed')
			])
			.where('pathway_progress.practitioner_id', 'in', people)
			.$if(Boolean(since), (q) => q.where('pathway_progress.started_at', '>=', since!))
			.groupBy('pathway_assignments.pathway_id')
			.execute(),
		pathwayImpact(db, { teamId: filters.teamId, since })
	]);

	const statuses = (n: (status: LearningNeedStatus) => number) => {
		const [open, submitted, met] = [n('open'), n('submitted'), n('met')];
		return { open, submitted, met, total: open + submitted + met };
	};
	const outcomeRows = outcomesOf(framework).map((o) => ({
		outcome: o.id,
		title: o.title,
		...statuses((s) =>
			Number(byOutcome.find((r) => r.outcome_id === o.id && r.status === s)?.n ?? 0)
		)
	}));
	const teamNames = [...new Set(byTeam.map((r) => r.team ?? 'No team'))].sort();
	const needColumns = [
		{ key: 'open', label: 'Open', numeric: true },
		{ key: 'submitted', label: 'Evidence waiting for review', numeric: true },
		{ key: 'met', label: 'Met', numeric: true },
		{ key: 'total', label: 'All', numeric: true }
	];
	return [
		{
			id: 'needs-by-outcome',
			title: 'Learning needs by outcome',
			columns: [
				{ key: 'outcome', label: 'Outcome' },
				{ key: 'title', label: 'Title' },
				...needColumns
			],
			rows: outcomeRows
		},
		{
			id: 'needs-by-team',
			title: 'Learning needs by team',
			columns: [{ key: 'team', label: 'Team' }, ...needColumns],
			rows: teamNames.map((team) => ({
				team,
				...statuses((s) =>
					Number(byTeam.find((r) => (r.team ?? 'No team') === team && r.status === s)?.n ?? 0)
				)
			}))
		},
		{
			id: 'pathways',
			title: 'Learning pathways assigned, started and completed',
			columns: [
				{ key: 'pathway', label: 'Pathway' },
				{ key: 'priorityArea', label: 'Priority area' },
				{ key: 'toPeople', label: 'Assigned to people', numeric: true },
				{ key: 'toTeams', label: 'Assigned to teams', numeric: true },
				{ key: 'toService', label: 'Assigned to the service', numeric: true },
				{ key: 'started', label: 'Started', numeric: true },
				{ key: 'completed', label: 'Completed', numeric: true }
			],
			rows: pathways().map((p) => {
				const n = (scope: string) =>
					Number(assigned.find((a) => a.pathway_id === p.id && a.scope === scope)?.n ?? 0);
				const done = progress.find((r) => r.pathway_id === p.id);
				return {
					pathwayId: p.id,
					pathway: p.title,
					priorityArea: `${p.priorityArea}. ${p.priorityAreaTitle}`,
					toPeople: n('person'),
					toTeams: n('team'),
					toService: n('service'),
					started: Number(done?.started ?? 0),
					completed: Number(done?.completed ?? 0)
				};
			})
		},
		{
			id: 'impact',
			title: 'Impact: later audits after completed pathways',
			columns: [
				{ key: 'pathway', label: 'Pathway' },
				{ key: 'completed', label: 'Completed', numeric: true },
				{ key: 'improved', label: 'Improved', numeric: true },
				{ key: 'unchanged', label: 'No change', numeric: true },
				{ key: 'declined', label: 'Declined', numeric: true },
				{ key: 'awaiting', label: 'No audit to compare yet', numeric: true }
			],
			rows: pathways()
				.map((p) => ({
					pathwayId: p.id,
					pathway: p.title,
					...summariseImpact(impact.filter((r) => r.pathwayId === p.id))
				}))
				.filter((r) => r.completed > 0)
		}
	];
}
