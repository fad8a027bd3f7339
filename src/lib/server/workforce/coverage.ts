import { sql } from 'kysely';
import { careerStageNames } from '$lib/format';
import { pageOf, type Paging } from '$lib/paging';
import type { Db } from '../db';
import { anyOf } from '../db/any-of';
import { dateOnly } from '../db/time';
import type { Framework } from '../framework';
import { outcomesOf } from '../framework';
import { currentSignOffs } from '../signoff/signoffs';
import { countsBy, negated, percent, type Table } from './figures';
import { periodParts } from './audit-area-months';
import { periodStart, practitioners, type WorkforceFilters } from './filters';

export const outcomeColumns = (framework: Framework) =>
	outcomesOf(framework).map((o) => ({ id: o.id, title: o.title }));

/**
 * Teams × outcomes: the share of each team's practitioners (as filtered) with accepted evidence
 * for the outcome, and with the outcome signed off.
 */
export async function teamCoverage(
	db: Db,
	framework: Framework,
	filters: WorkforceFilters,
	today = dateOnly(),
	paging?: Paging
): Promise<Table> {
	const version = framework.version.id;
	const since = periodStart(filters.period, today);
	const people = practitioners(db, filters);
	// Counted by team first, then joined: a join on "in (the practitioners)" would look through
	// every practitioner for every team.
	const counted = db
		.selectFrom(people.select('users.team_id').as('p'))
		.select(['p.team_id', (eb) => eb.fn.countAll<number>().as('n')])
		.groupBy('p.team_id');
	const allTeams = await db
		.selectFrom('teams')
		.leftJoin(counted.as('c'), 'c.team_id', 'teams.id')
		.select(['teams.id', 'teams.name', sql<number>`coalesce(c.n, 0)`.as('n')])
		.$if(Boolean(filters.teamId), (q) => q.where('teams.id', '=', filters.teamId!))
		.orderBy('teams.name')
		.execute();
	// A page of teams counts their people alone: the work is the page's, whatever the whole.
	const page = paging && pageOf(allTeams, paging);
	const teams = page?.rows ?? allTeams;
	const { evidenceBy, signedBy } = await countsByTeam(
		db,
		version,
		{ filters, since },
		page && teams.map((t) => t.id)
	);
	const outcomes = outcomeColumns(framework);
	return {
		id: 'teams',
		title:
			'Outcome coverage by team: the share of practitioners with accepted evidence, and with the outcome signed off',
		columns: [
			{ key: 'team', label: 'Team' },
			{ key: 'practitioners', label: 'Practitioners', numeric: true },
			...outcomes.flatMap((o) => [
				{ key: `evidence:${o.id}`, label: `${o.id} evidence %`, numeric: true },
				{ key: `signedOff:${o.id}`, label: `${o.id} signed off %`, numeric: true }
			])
		],
		rows: teams.map((team) => ({
			teamId: team.id,
			team: team.name,
			practitioners: Number(team.n),
			...Object.fromEntries(
				outcomes.flatMap((o) => [
					[`evidence:${o.id}`, percent(evidenceBy.get(`${team.id}|${o.id}`) ?? 0, Number(team.n))],
					[`signedOff:${o.id}`, percent(signedBy.get(`${team.id}|${o.id}`) ?? 0, Number(team.n))]
				])
			)
		})),
		...(page && { paging: page.paging })
	};
}

/**
 * For each team and outcome, how many of its practitioners (of `teamIds` alone, where given)
 * have accepted evidence for the outcome, and how many have it signed off; keyed `team|outcome`.
 * From the counts kept by team and month (2026-12-10-04) where the filters allow; a career stage
 * or programme, and the part of a month before the period starts, from the rows themselves.
 */
async function countsByTeam(
	db: Db,
	version: string,
	{ filters, since }: { filters: WorkforceFilters; since: string | undefined },
	teamIds?: string[]
) {
	const count = (rows: { team_id: string | null; outcome_id: string; n: number | string }[]) =>
		countsBy(rows, (r) => `${r.team_id}|${r.outcome_id}`);
	let people = practitioners(db, filters);
	if (teamIds) people = people.where(anyOf(db, 'users.team_id', teamIds));
	if (filters.stage || filters.programme) {
		const { accepted, signed } = await countedByTeam(db, version, people, since);
		return { evidenceBy: count(accepted), signedBy: count(signed) };
	}
	const { fromMonth, added, takenAway } = periodParts(since);
	const none = { accepted: [], signed: [] };
	const [kept, part, taken] = await Promise.all([
		db
			.selectFrom('coverage_team_months')
			.select(['kind', 'team_key', 'outcome_id', (eb) => eb.fn.sum<number>('n').as('n')])
			.where('framework_version', '=', version)
			.$if(Boolean(filters.teamId), (q) => q.where('team_key', '=', filters.teamId!))
			.$if(Boolean(teamIds), (q) => q.where(anyOf(db, 'team_key', teamIds!)))
			.$if(Boolean(fromMonth), (q) => q.where('month', '>=', fromMonth!))
			.groupBy(['kind', 'team_key', 'outcome_id'])
			.execute(),
		added ? countedByTeam(db, version, people, added.from, added.before) : none,
		takenAway ? countedByTeam(db, version, people, takenAway.from, takenAway.before) : none
	]);
	const keptOf = (kind: string) =>
		kept
			.filter((r) => r.kind === kind)
			.map((r) => ({ team_id: r.team_key || null, outcome_id: r.outcome_id, n: r.n }));
	return {
		evidenceBy: count([...keptOf('accepted'), ...part.accepted, ...negated(taken.accepted)]),
		signedBy: count([...keptOf('signed'), ...part.signed, ...negated(taken.signed)])
	};
}

/**
 * Each team's practitioners (`people`) with accepted evidence for each outcome (kept by
 * triggers, a row a pair) and with it signed off, dated from `since` (and before `before`).
 */
async function countedByTeam(
	db: Db,
	version: string,
	people: ReturnType<typeof practitioners>,
	since: string | undefined,
	before?: string
) {
	const [accepted, signed] = await Promise.all([
		db
			.selectFrom('accepted_outcomes as a')
			.innerJoin('users', 'users.id', 'a.owner_id')
			.select(['users.team_id', 'a.outcome_id', (eb) => eb.fn.countAll<number>().as('n')])
			.where('a.framework_version', '=', version)
			.$if(Boolean(since), (q) => q.where('a.latest_on', '>=', since!))
			.$if(Boolean(before), (q) => q.where('a.latest_on', '<', before!))
			.where('a.owner_id', 'in', people)
			.groupBy(['users.team_id', 'a.outcome_id'])
			.execute(),
		db
			.selectFrom(
				currentSignOffs(db, version, since)
					.$if(Boolean(before), (q) => q.where('s.created_at', '<', before!))
					.as('s')
			)
			.innerJoin('users', 'users.id', 's.practitioner_id')
			.select(['users.team_id', 's.outcome_id', (eb) => eb.fn.countAll<number>().as('n')])
			.where('s.practitioner_id', 'in', people)
			.groupBy(['users.team_id', 's.outcome_id'])
			.execute()
	]);
	return { accepted, signed };
}

export const coverageStates = {
	signed: 'Signed off',
	accepted: 'Accepted',
	submitted: 'Submitted'
} as const;

/** One team's practitioners × outcomes: signed off, accepted evidence, submitted, or nothing yet. */
export async function practitionerCoverage(
	db: Db,
	framework: Framework,
	filters: WorkforceFilters & { teamId: string },
	today = dateOnly()
): Promise<Table> {
	const version = framework.version.id;
	const since = periodStart(filters.period, today);
	const people = await practitioners(db, filters)
		.select(['users.name', 'users.career_stage'])
		.orderBy('users.name')
		.execute();
	const ids = people.map((p) => p.id);
	let evidence = db
		.selectFrom('evidence')
		.innerJoin('evidence_outcomes', 'evidence_outcomes.evidence_id', 'evidence.id')
		.select(['evidence.owner_id', 'evidence_outcomes.outcome_id', 'evidence.status'])
		.distinct()
		.where('evidence.status', 'in', ['accepted', 'submitted'])
		.where('evidence_outcomes.framework_version', '=', version)
		.where(anyOf(db, 'evidence.owner_id', ids));
	if (since) evidence = evidence.where('evidence.activity_date', '>=', since);
	const signed = await currentSignOffs(db, version, since)
		.where(anyOf(db, 's.practitioner_id', ids))
		.execute();
	const state = new Map<string, keyof typeof coverageStates>();
	for (const row of await evidence.execute()) {
		const key = `${row.owner_id}|${row.outcome_id}`;
		if (row.status === 'accepted' || !state.has(key))
			state.set(key, row.status as 'accepted' | 'submitted');
	}
	for (const row of signed) state.set(`${row.practitioner_id}|${row.outcome_id}`, 'signed');
	const outcomes = outcomeColumns(framework);
	return {
		id: 'practitioners',
		title: 'Outcome coverage by practitioner',
		columns: [
			{ key: 'name', label: 'Practitioner' },
			{ key: 'stage', label: 'Career stage' },
			...outcomes.map((o) => ({ key: o.id, label: o.id })),
			{ key: 'signedOff', label: 'Outcomes signed off', numeric: true },
			{ key: 'withEvidence', label: 'Outcomes with accepted evidence', numeric: true }
		],
		rows: people.map((p) => {
			const states = outcomes.map((o) => state.get(`${p.id}|${o.id}`));
			return {
				practitionerId: p.id,
				name: p.name,
				stage: p.career_stage ? careerStageNames[p.career_stage] : '',
				...Object.fromEntries(
					outcomes.map((o, i) => [o.id, states[i] ? coverageStates[states[i]!] : ''])
				),
				signedOff: states.filter((s) => s === 'signed').length,
				withEvidence: states.filter((s) => s === 'signed' || s === 'accepted').length
			};
		})
	};
}
