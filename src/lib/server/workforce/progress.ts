import { groupedBy } from '$lib/grouped';
import { isPostgres, type Db } from '../db';
import { anyOf, type Ids } from '../db/any-of';
import { prepared } from '../db/prepared';
import { dateOnly } from '../db/time';
import type { Framework } from '../framework';
import { outcomesOf } from '../framework';
import { programmeDefinitions, reviewCounts } from '../programme';
import { calendarInputs } from '../programme/enrolments';
import { keptCalendar, type Calendar } from '../programme/kept-calendars';
import { enrolmentsOnProgramme } from '../programme/on-programme';
import { programmeMonth } from '../programme/month';
import { expectedSignOffShare, type Programme } from '../programme/definition';
import { rankedByName, type Column, type Table } from './figures';
import { isPractitioner, type WorkforceFilters } from './filters';
import { currentSignOffs } from '../signoff/signoffs';
import { heldRecordsOf } from '../review/supervision-schedule';
import { sessionSummary } from '../programme/supervision-calendar';

type Enrolment = Awaited<ReturnType<typeof enrolmentsOf>>[number];
type Records = Awaited<ReturnType<typeof recordsOf>>;

/**
 * Everyone on a programme today (`enrolmentsOnProgramme`): their month, review points done, due and
 * overdue, observations against those required, and outcomes signed off against the programme's
 * expected trajectory (content: `signOffTrajectory`). Those behind come first, the furthest behind
 * first. Counts are aggregated in SQL; each person's calendar is the same pure function the
 * programme pages use. `sendIdsUpTo`: how the selected enrolments' records are read (`idsSentUpTo`).
 */
export async function earlyCareerProgress(
	db: Db,
	framework: Framework,
	filters: WorkforceFilters,
	today = dateOnly(),
	sendIdsUpTo = isPostgres(db) ? 0 : idsSentUpTo
): Promise<Table> {
	const reading = enrolmentsOf(db, filters, today);
	// Without ids to send, the records are read at the same time as the enrolments.
	const listed = sendIdsUpTo > 0 && (await reading).length <= sendIdsUpTo;
	const [enrolments, records] = await Promise.all([
		reading,
		recordsOf(db, framework, listed ? idsOf(await reading) : selecting(db, filters, today))
	]);
	const outcomeCount = outcomesOf(framework).length;
	const programmes = new Map(programmeDefinitions().map((p) => [p.id, p]));
	const rows = enrolments.flatMap((e) => {
		const programme = programmes.get(e.programme);
		if (!programme) return [];
		const calendar = keptCalendar(programme, e, records.inputsOf(e.id), today);
		return [progressOf(e, programme, calendar, records, outcomeCount, today)];
	});
	return {
		id: 'progress',
		title: 'Early-career progress, those behind first',
		columns: progressColumns,
		// Ties by person and programme, so that a page cut from the list is the same every time.
		rows: rankedByName(
			rows,
			(r) => -r.shortfall,
			(r) => `${r.practitionerId} ${r.programme}`
		)
	};
}

const progressColumns: Column[] = [
	{ key: 'name', label: 'Practitioner' },
	{ key: 'team', label: 'Team' },
	{ key: 'programme', label: 'Programme' },
	{ key: 'month', label: 'Month', numeric: true },
	{ key: 'reviewsDone', label: 'Reviews done', numeric: true },
	{ key: 'reviewsDue', label: 'Reviews due within 14 days', numeric: true },
	{ key: 'reviewsOverdue', label: 'Reviews overdue', numeric: true },
	{ key: 'observations', label: 'Observations', numeric: true },
	{ key: 'observationsRequired', label: 'Observations required', numeric: true },
	{ key: 'signedOff', label: 'Outcomes signed off', numeric: true },
	{ key: 'expectedSignedOff', label: 'Expected by now', numeric: true },
	{ key: 'nextSupervision', label: 'Next supervision due', format: 'date' },
	{ key: 'supervisionsOverdue', label: 'Supervisions overdue', numeric: true },
	{ key: 'behind', label: 'Status' }
];

/** Enrolments on a programme today: on the one the filters name, if they name one. */
function onProgramme(db: Db, filters: WorkforceFilters, today: string) {
	return enrolmentsOnProgramme(db, today).$if(Boolean(filters.programme), (q) =>
		q.where('enrolments.programme', '=', filters.programme!)
	);
}

/** The enrolments on a programme today of the practitioners the filters select, by name. */
function enrolmentsOf(db: Db, filters: WorkforceFilters, today: string) {
	return onProgramme(db, filters, today)
		.innerJoin('users', 'users.id', 'enrolments.user_id')
		.leftJoin('teams', 'teams.id', 'users.team_id')
		.select([
			'enrolments.id',
			'enrolments.user_id',
			'enrolments.programme',
			'enrolments.starts_on',
			'enrolments.fte_percent',
			'users.name',
			'teams.name as teamName'
		])
		.where(isPractitioner(filters))
		.orderBy('users.name')
		.execute();
}

/**
 * Up to this many enrolments selected on SQLite, their ids go with each query that reads their
 * records. SQLite answers one query after another, so the enrolments are read first, and for an
 * authority's cohort its ids are quicker sent than selected again by each query (the demo
 * authority's progress page: a tenth less of the server's time a request). Past it, and on
 * PostgreSQL, where the queries run at once on the pool's connections, each query selects them.
 */
export const idsSentUpTo = 500;

/** The enrolments whose records are read, and their people: as lists, or as queries. */
interface Selected {
	enrolmentIds: Ids;
	userIds: Ids;
}

const idsOf = (enrolments: Enrolment[]): Selected => ({
	enrolmentIds: enrolments.map((e) => e.id),
	userIds: [...new Set(enrolments.map((e) => e.user_id))]
});

const selecting = (db: Db, filters: WorkforceFilters, today: string): Selected => ({
	enrolmentIds: onProgramme(db, filters, today).select('enrolments.id'),
	userIds: onProgramme(db, filters, today).select('enrolments.user_id')
});

/**
 * The calendar inputs (extensions, hours, pauses) and recorded reviews of these enrolments, and
 * their people's observations, sign-offs and supervision records. At a national cohort, sending
 * the 8,000 selected ids back took 20 to 90 ms a query, and asking each query the selection's
 * conditions on 40,000 people and their roles about 120 ms, so each selects the enrolments on the
 * programme itself, which the database answers in milliseconds; a team's view reads a little
 * more than it shows, at most the whole cohort's.
 */
async function recordsOf(db: Db, framework: Framework, { enrolmentIds, userIds }: Selected) {
	const [inputs, done, observations, signed, held] = await Promise.all([
		calendarInputs(db, enrolmentIds),
		reviewsDoneOf(db, enrolmentIds),
		observationCounts(db, userIds),
		signOffCounts(db, framework.version.id, userIds),
		heldRecordsOf(db, userIds)
	]);
	return {
		heldBy: held,
		inputsOf: inputs,
		// Each enrolment's reviews, grouped once rather than searched per person.
		doneOf: groupedBy(done, (r) => r.enrolment_id),
		observed: new Map(observations.map((o) => [o.practitioner_id, Number(o.n)])),
		signedBy: new Map(signed.map((s) => [s.practitioner_id, Number(s.n)]))
	};
}

// Built once, for the ids sent as a list (with a query, each is built afresh).
const reviewsDoneOf = prepared((db, enrolmentIds: Ids) =>
	db
		.selectFrom('programme_reviews')
		.select(['enrolment_id', 'review_id'])
		.where(anyOf(db, 'enrolment_id', enrolmentIds))
);
const observationCounts = prepared((db, userIds: Ids) =>
	db
		.selectFrom('observations')
		.select(['practitioner_id', (eb) => eb.fn.countAll<number>().as('n')])
		.where(anyOf(db, 'practitioner_id', userIds))
		.groupBy('practitioner_id')
);
const signOffCounts = prepared((db, version: string, userIds: Ids) =>
	db
		.selectFrom(currentSignOffs(db, version).as('s'))
		.select(['s.practitioner_id', (eb) => eb.fn.countAll<number>().as('n')])
		.where(anyOf(db, 's.practitioner_id', userIds))
		.groupBy('s.practitioner_id')
);

/**
 * One person's progress against their programme. What is expected by now follows how far into
 * the programme today is in full-time months (`monthOn`), so part-time hours, changes of hours,
 * pauses and extensions move it as they move the review dates.
 */
function progressOf(
	e: Enrolment,
	programme: Programme,
	calendar: Calendar,
	records: Records,
	outcomeCount: number,
	today: string
) {
	const reviews = reviewCounts(calendar.reviews, records.doneOf(e.id), today);
	const supervision = calendar.sessions
		? sessionSummary(calendar.sessions, e.starts_on, records.heldBy(e.user_id), today)
		: null;
	const month = calendar.monthOn(today);
	const expectedOutcomes = Math.floor(outcomeCount * expectedSignOffShare(programme, month));
	const expectedObservations = Math.floor(
		(programme.observationsRequired * month) / programme.months
	);
	const signedOffCount = records.signedBy.get(e.user_id) ?? 0;
	const observationCount = records.observed.get(e.user_id) ?? 0;
	const overdue = reviews.overdue;
	const shortfall =
		Math.max(0, expectedOutcomes - signedOffCount) +
		3 * overdue +
		Math.max(0, expectedObservations - observationCount);
	return {
		practitionerId: e.user_id,
		name: e.name,
		team: e.teamName ?? '',
		programme: programme.title,
		month: programmeMonth(e.starts_on, today),
		reviewsDone: reviews.done,
		reviewsDue: reviews['due-soon'],
		reviewsOverdue: overdue,
		observations: observationCount,
		observationsRequired: programme.observationsRequired,
		signedOff: signedOffCount,
		expectedSignedOff: expectedOutcomes,
		nextSupervision: supervision?.nextDueOn ?? null,
		supervisionsOverdue: supervision?.overdue ?? null,
		behind: shortfall > 0 ? 'Behind' : 'On track',
		shortfall
	};
}
