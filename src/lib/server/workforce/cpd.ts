import { sql } from 'kysely';
import type { Db } from '../db';
import { groupedBy } from '$lib/grouped';
import { dateOnly } from '../db/time';
import { rankedByName, type Table } from './figures';
import { practitioners, type WorkforceFilters } from './filters';
import { cpdShortfall, registrationYear, type CpdRule, type RegistrationYear } from './cpd-rule';
import { keptYearsFollow } from '../cpd/kept-years';

type PersonCpd = Awaited<ReturnType<typeof cpdOfPeople>>[number];

/**
 * CPD in the current registration year for each practitioner: records (any evidence with a CPD
 * type, once submitted), those reflected on with a peer, and hours; and whether they have
 * recorded what the rule asks. Those short of it first.
 */
export async function cpdFigures(
	db: Db,
	rule: CpdRule,
	filters: WorkforceFilters,
	today = dateOnly()
): Promise<{ year: { start: string; end: string }; tables: Table[] }> {
	const year = registrationYear(rule, today);
	const people = await cpdOfPeople(db, rule, filters, year);
	return {
		year: { start: year.start, end: year.end },
		tables: [byTeam(people), byPractitioner(people)]
	};
}

/** Each practitioner's CPD this year against the rule, those furthest short first. */
async function cpdOfPeople(
	db: Db,
	rule: CpdRule,
	filters: WorkforceFilters,
	year: RegistrationYear
) {
	const rows = await ((await keptYearsFollow(db, rule))
		? keptCpd(db, filters, year)
		: countedCpd(db, filters, year));
	const people = rows.map((r) => {
		const records = Number(r.records);
		const peer = Number(r.peer ?? 0);
		const shortfall = cpdShortfall(rule, { records, peerReflected: peer });
		return {
			practitionerId: r.id,
			name: r.name,
			team: r.team ?? '',
			records,
			peerReflected: peer,
			hours: Math.round(Number(r.minutes) / 6) / 10,
			meets: shortfall.met ? 'Yes' : 'Not yet',
			short: shortfall.records + shortfall.peerReflected
		};
	});
	// Ties by id, so that a page cut from the list is the same on every request.
	return rankedByName(
		people,
		(p) => -p.short,
		(p) => p.practitionerId
	);
}

/** Each practitioner's CPD in the year as kept (`cpd_years`, 2026-12-10-03). */
function keptCpd(db: Db, filters: WorkforceFilters, year: RegistrationYear) {
	return db
		.selectFrom('users')
		.leftJoin('teams', 'teams.id', 'users.team_id')
		.leftJoin('cpd_years', (join) =>
			join.onRef('cpd_years.user_id', '=', 'users.id').on('cpd_years.year_start', '=', year.start)
		)
		.select([
			'users.id',
			'users.name',
			'teams.name as team',
			sql<number>`coalesce(cpd_years.records, 0)`.as('records'),
			sql<number>`coalesce(cpd_years.peer_reflected, 0)`.as('peer'),
			sql<number>`coalesce(cpd_years.minutes, 0)`.as('minutes')
		])
		.where('users.id', 'in', practitioners(db, filters))
		.execute();
}

/** Each practitioner's CPD in the year, counted from their records. */
function countedCpd(db: Db, filters: WorkforceFilters, year: RegistrationYear) {
	return db
		.selectFrom('users')
		.leftJoin('teams', 'teams.id', 'users.team_id')
		.leftJoin('evidence', (join) =>
			join
				.onRef('evidence.owner_id', '=', 'users.id')
				.on('evidence.cpd_type', 'is not', null)
				.on('evidence.status', '!=', 'draft')
				.on('evidence.activity_date', '>=', year.start)
				.on('evidence.activity_date', '<=', year.end)
		)
		.select([
			'users.id',
			'users.name',
			'teams.name as team',
			// Counting a column of the index, so that the index alone answers.
			(eb) => eb.fn.count<number>('evidence.activity_date').as('records'),
			sql<number>`sum(case when evidence.peer_reflected = 1 then 1 else 0 end)`.as('peer'),
			sql<number>`coalesce(sum(evidence.cpd_minutes), 0)`.as('minutes')
		])
		.where('users.id', 'in', practitioners(db, filters))
		.groupBy(['users.id', 'users.name', 'teams.name'])
		.execute();
}

function byTeam(people: PersonCpd[]): Table {
	const teams = [...new Set(people.map((p) => p.team))].sort();
	// Grouped in one pass: a filter of everyone a team is 320 × 40,000 at national size.
	const membersOf = groupedBy(people, (p) => p.team);
	return {
		id: 'teams',
		title: 'CPD recorded this registration year, by team',
		columns: [
			{ key: 'team', label: 'Team' },
			{ key: 'practitioners', label: 'Practitioners', numeric: true },
			{ key: 'meeting', label: 'Recorded what is required', numeric: true },
			{ key: 'short', label: 'Not yet', numeric: true },
			{ key: 'hours', label: 'Hours', numeric: true }
		],
		rows: teams.map((team) => {
			const members = membersOf(team);
			const meeting = members.filter((p) => p.meets === 'Yes').length;
			return {
				team: team || 'No team',
				practitioners: members.length,
				meeting,
				short: members.length - meeting,
				hours: Math.round(members.reduce((sum, p) => sum + p.hours * 10, 0)) / 10
			};
		})
	};
}

function byPractitioner(people: PersonCpd[]): Table {
	return {
		id: 'people',
		title:
			'CPD recorded this registration year, by practitioner, those short of the requirement first',
		columns: [
			{ key: 'name', label: 'Practitioner' },
			{ key: 'team', label: 'Team' },
			{ key: 'records', label: 'CPD records', numeric: true },
			{ key: 'peerReflected', label: 'With peer reflection', numeric: true },
			{ key: 'hours', label: 'Hours', numeric: true },
			{ key: 'meets', label: 'Recorded what is required' }
		],
		rows: people
	};
}
