import type { Db } from '../db';
import type { LearningNeedStatus } from '../db/schema';
import { dateOnly } from '../db/time';
import type { Framework } from '../framework';
import { outcomesOf } from '../framework';
import { pathwayImpact, summariseImpact, type PathwayImpact } from '../learning/impact';
import { pathways } from '../pathways';
import { countsBy, negated, type Column, type Table } from './figures';
import { periodParts } from './audit-area-months';
import { periodStart, practitioners, type WorkforceFilters } from './filters';

type NeedCounts = Awaited<ReturnType<typeof needCounts>>;
type PathwayCounts = Awaited<ReturnType<typeof pathwayCounts>>;

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
	const [needs, counts, impact] = await Promise.all([
		needCounts(db, framework, filters, since),
		pathwayCounts(db, filters, since),
		pathwayImpact(db, { teamId: filters.teamId, since })
	]);
	return [
		needsByOutcome(framework, needs.byOutcome),
		needsByTeam(needs.byTeam),
		pathwaysTaken(counts),
		impactByPathway(impact)
	];
}

/** Learning needs raised in the period, counted by outcome and status and by team and status. */
async function needCounts(
	db: Db,
	framework: Framework,
	filters: WorkforceFilters,
	since: string | undefined
) {
	const teams = db.selectFrom('teams').select(['id', 'name']).execute();
	// A career stage or a programme is not kept: counted from the needs over the whole period.
	if (filters.stage || filters.programme)
		return named(await countedNeeds(db, framework, filters, since), await teams);
	const { fromMonth, added, takenAway } = periodParts(since);
	const none = { byOutcome: [], byTeam: [] };
	const [kept, part, taken] = await Promise.all([
		keptNeeds(db, framework, filters, fromMonth),
		added ? countedNeeds(db, framework, filters, added.from, added.before) : none,
		takenAway ? countedNeeds(db, framework, filters, takenAway.from, takenAway.before) : none
	]);
	return named(
		{
			byOutcome: [...kept.byOutcome, ...part.byOutcome, ...negated(taken.byOutcome)],
			byTeam: [...kept.byTeam, ...part.byTeam, ...negated(taken.byTeam)]
		},
		await teams
	);
}

interface NeedRows {
	byOutcome: { outcome_id: string; status: string; n: number | string }[];
	byTeam: { teamId: string | null; status: string; n: number | string }[];
}

/** The counts added up by outcome and by team's name (`No team` for none), each with a status. */
function named({ byOutcome, byTeam }: NeedRows, teams: { id: string; name: string }[]) {
	const teamName = new Map(teams.map((t) => [t.id, t.name]));
	return {
		byOutcome: countsBy(byOutcome, (r) => `${r.outcome_id}|${r.status}`),
		byTeam: countsBy(
			byTeam,
			(r) => `${(r.teamId && teamName.get(r.teamId)) || 'No team'}|${r.status}`
		)
	};
}

/** The filters' needs raised from `since` (and before `before`), counted from the needs. */
async function countedNeeds(
	db: Db,
	framework: Framework,
	filters: WorkforceFilters,
	since: string | undefined,
	before?: string
): Promise<NeedRows> {
	const needs = db
		.selectFrom('learning_needs')
		.where('learning_needs.practitioner_id', 'in', practitioners(db, filters))
		.$if(Boolean(since), (q) => q.where('learning_needs.created_at', '>=', since!))
		.$if(Boolean(before), (q) => q.where('learning_needs.created_at', '<', before!));
	const [byOutcome, byTeam] = await Promise.all([
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
			.select([
				'users.team_id as teamId',
				'learning_needs.status',
				(eb) => eb.fn.countAll<number>().as('n')
			])
			.groupBy(['users.team_id', 'learning_needs.status'])
			.execute()
	]);
	return { byOutcome, byTeam };
}

/**
 * The needs kept by team and month (2026-12-10-02) from a month (`yyyy-mm`), or every month: each
 * counted in its practitioner's team today, while an active practitioner, as `practitioners` asks.
 */
async function keptNeeds(
	db: Db,
	framework: Framework,
	filters: WorkforceFilters,
	fromMonth: string | undefined
): Promise<NeedRows> {
	const [byOutcome, byTeam] = await Promise.all([
		db
			.selectFrom('learning_need_outcome_months')
			.select(['outcome_id', 'status', (eb) => eb.fn.sum<number>('n').as('n')])
			.where('framework_version', '=', framework.version.id)
			.$if(Boolean(filters.teamId), (q) => q.where('team_key', '=', filters.teamId!))
			.$if(Boolean(fromMonth), (q) => q.where('month', '>=', fromMonth!))
			.groupBy(['outcome_id', 'status'])
			.execute(),
		db
			.selectFrom('learning_need_months')
			.select(['team_key', 'status', (eb) => eb.fn.sum<number>('n').as('n')])
			.$if(Boolean(filters.teamId), (q) => q.where('team_key', '=', filters.teamId!))
			.$if(Boolean(fromMonth), (q) => q.where('month', '>=', fromMonth!))
			.groupBy(['team_key', 'status'])
			.execute()
	]);
	return {
		byOutcome,
		byTeam: byTeam.map((r) => ({ teamId: r.team_key || null, status: r.status, n: r.n }))
	};
}

/** Pathways assigned in the period by scope, and started and completed by the practitioners. */
async function pathwayCounts(db: Db, filters: WorkforceFilters, since: string | undefined) {
	const [assigned, progress] = await Promise.all([
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
			.where('pathway_progress.practitioner_id', 'in', practitioners(db, filters))
			.$if(Boolean(since), (q) => q.where('pathway_progress.started_at', '>=', since!))
			.groupBy('pathway_assignments.pathway_id')
			.execute()
	]);
	return { assigned, progress };
}

const needColumns: Column[] = [
	{ key: 'open', label: 'Open', numeric: true },
	{ key: 'submitted', label: 'Evidence waiting for review', numeric: true },
	{ key: 'met', label: 'Met', numeric: true },
	{ key: 'total', label: 'All', numeric: true }
];

function statuses(n: (status: LearningNeedStatus) => number) {
	const [open, submitted, met] = [n('open'), n('submitted'), n('met')];
	return { open, submitted, met, total: open + submitted + met };
}

function needsByOutcome(framework: Framework, byOutcome: NeedCounts['byOutcome']): Table {
	return {
		id: 'needs-by-outcome',
		title: 'Learning needs by outcome',
		columns: [
			{ key: 'outcome', label: 'Outcome' },
			{ key: 'title', label: 'Title' },
			...needColumns
		],
		rows: outcomesOf(framework).map((o) => ({
			outcome: o.id,
			title: o.title,
			...statuses((s) => byOutcome.get(`${o.id}|${s}`) ?? 0)
		}))
	};
}

function needsByTeam(byTeam: NeedCounts['byTeam']): Table {
	// Keys are `name|status`; a team's name may itself hold a bar.
	const teamNames = [
		...new Set([...byTeam.keys()].map((k) => k.slice(0, k.lastIndexOf('|'))))
	].sort();
	return {
		id: 'needs-by-team',
		title: 'Learning needs by team',
		columns: [{ key: 'team', label: 'Team' }, ...needColumns],
		rows: teamNames.map((team) => ({
			team,
			...statuses((s) => byTeam.get(`${team}|${s}`) ?? 0)
		}))
	};
}

function pathwaysTaken({ assigned, progress }: PathwayCounts): Table {
	return {
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
	};
}

function impactByPathway(impact: PathwayImpact[]): Table {
	return {
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
	};
}
