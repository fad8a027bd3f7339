import { sql } from 'kysely';
import type { Db } from '../db';
import { dateOnly } from '../db/time';
import { addMonths } from '../programme/month';
import { pageOf } from '$lib/paging';
import { percent, type Column, type Table, type ViewPaging } from './figures';
import { practitioners, type WorkforceFilters } from './filters';

// QA coverage: when each practitioner last had a case audit, an observation of practice and
// feedback, against the quality assurance framework's expectation of each every year.

/** The three kinds, as the tables name them. */
export const qaKinds = {
	audit: 'Audit',
	observation: 'Observation',
	feedback: 'Feedback'
} as const;
export type QaKind = keyof typeof qaKinds;

/** Feedback is a record of either feedback type, typed in or given by a link. */
const feedbackTypes = ['feedback-child-family', 'feedback-colleague'];

/** The first day of the twelve months up to today: a date on or after it is in them. */
export const qaSince = (today: string) => addMonths(today, -12);

/** Practitioners a page: a page stays small however large the authority. */
export const qaPerPage = 50;

/**
 * The summary (how many practitioners, as filtered, have had no audit, observation or feedback in
 * the twelve months to today) and the practitioners with their latest of each, those missing most
 * first. Only what happened by today counts: a finalised audit's date, a record's activity date
 * (an observation recorded by an observer is one too), never a draft. Given a page, only that
 * page of practitioners (the last when asked for one past it); the summary always counts them all.
 */
export async function qaCoverage(
	db: Db,
	filters: WorkforceFilters,
	today = dateOnly(),
	page?: string | number,
	perPage = qaPerPage
): Promise<{ since: string; summary: Table; people: Table; paging?: ViewPaging }> {
	const since = qaSince(today);
	const latest = latestByPractitioner(db, filters, today, since);
	const counts = await db
		.selectFrom(latest.as('q'))
		.select((eb) => [
			eb.fn.countAll<number>().as('practitioners'),
			eb.fn.sum<number>('q.noAudit').as('audit'),
			eb.fn.sum<number>('q.noObservation').as('observation'),
			eb.fn.sum<number>('q.noFeedback').as('feedback'),
			sql<number>`sum(case when q.missing > 0 then 1 else 0 end)`.as('any')
		])
		.executeTakeFirstOrThrow();
	const total = Number(counts.practitioners);
	const paging = page === undefined ? undefined : pageOf(page, total, perPage);
	const people = await db
		.selectFrom(latest.as('q'))
		.selectAll()
		.orderBy('q.missing', 'desc')
		.orderBy('q.name')
		.orderBy('q.id')
		.$if(Boolean(paging), (q) => q.limit(paging!.perPage).offset(paging!.offset))
		.execute();
	const table = peopleTable(people);
	return {
		since,
		summary: summaryTable(counts, total),
		people: table,
		paging: paging && {
			table: table.id,
			page: paging.page,
			pages: paging.pages,
			perPage: paging.perPage,
			rows: paging.rows
		}
	};
}

/** Each practitioner's latest finalised audit, observation and feedback, and which are missing. */
function latestByPractitioner(db: Db, filters: WorkforceFilters, today: string, since: string) {
	const people = practitioners(db, filters);
	const audits = db
		.selectFrom('audits')
		.select(['practitioner_id as id', (eb) => eb.fn.max('audited_on').as('on')])
		.where('status', '=', 'finalised')
		.where('audited_on', '<=', today)
		.where('practitioner_id', 'in', people)
		.groupBy('practitioner_id');
	const records = (types: string[]) =>
		db
			.selectFrom('evidence')
			.select(['owner_id as id', (eb) => eb.fn.max('activity_date').as('on')])
			.where('type', 'in', types)
			.where('status', '!=', 'draft')
			.where('activity_date', '<=', today)
			.where('owner_id', 'in', people)
			.groupBy('owner_id');
	const none = (column: string) =>
		sql<number>`case when ${sql.ref(column)} is null or ${sql.ref(column)} < ${since} then 1 else 0 end`;
	return db
		.selectFrom('users')
		.leftJoin('teams', 'teams.id', 'users.team_id')
		.leftJoin(audits.as('a'), 'a.id', 'users.id')
		.leftJoin(records(['observation']).as('o'), 'o.id', 'users.id')
		.leftJoin(records(feedbackTypes).as('f'), 'f.id', 'users.id')
		.select([
			'users.id',
			'users.name',
			'users.team_id as teamId',
			'teams.name as team',
			'a.on as lastAudit',
			'o.on as lastObservation',
			'f.on as lastFeedback',
			none('a.on').as('noAudit'),
			none('o.on').as('noObservation'),
			none('f.on').as('noFeedback'),
			sql<number>`${none('a.on')} + ${none('o.on')} + ${none('f.on')}`.as('missing')
		])
		.where('users.id', 'in', people);
}

type Latest = Awaited<ReturnType<ReturnType<typeof latestByPractitioner>['execute']>>[number];

function summaryTable(counts: Record<QaKind | 'any', number>, total: number): Table {
	const row = (kind: string, n: number) => ({
		kind,
		without: Number(n ?? 0),
		practitioners: total,
		share: percent(Number(n ?? 0), total)
	});
	return {
		id: 'summary',
		title: 'Practitioners with none in the last 12 months',
		columns: [
			{ key: 'kind', label: 'None in the last 12 months' },
			{ key: 'without', label: 'Practitioners', numeric: true },
			{ key: 'practitioners', label: 'Of', numeric: true },
			{ key: 'share', label: 'Share %', numeric: true }
		],
		rows: [
			...Object.entries(qaKinds).map(([kind, label]) => row(label, counts[kind as QaKind])),
			row('Any of the three', counts.any)
		]
	};
}

const peopleColumns: Column[] = [
	{ key: 'name', label: 'Practitioner' },
	{ key: 'team', label: 'Team' },
	{ key: 'lastAudit', label: 'Last audit', format: 'date' },
	{ key: 'lastObservation', label: 'Last observation', format: 'date' },
	{ key: 'lastFeedback', label: 'Last feedback', format: 'date' },
	{ key: 'missing', label: 'None in the last 12 months' }
];

function peopleTable(people: Latest[]): Table {
	return {
		id: 'practitioners',
		title: 'Practitioners, those with none of a kind in the last 12 months first',
		columns: peopleColumns,
		rows: people.map((p) => ({
			practitionerId: p.id,
			teamId: p.teamId,
			name: p.name,
			team: p.team ?? '',
			lastAudit: p.lastAudit ?? null,
			lastObservation: p.lastObservation ?? null,
			lastFeedback: p.lastFeedback ?? null,
			missing: missingOf(p)
		}))
	};
}

/** "Audit, feedback": the kinds a practitioner has had none of; null when they have had all. */
function missingOf(p: Latest) {
	const none = { audit: p.noAudit, observation: p.noObservation, feedback: p.noFeedback };
	const missing = (Object.keys(qaKinds) as QaKind[]).filter((kind) => Number(none[kind]));
	if (!missing.length) return null;
	const [head, ...rest] = missing.map((kind) => qaKinds[kind]);
	return [head, ...rest.map((kind) => kind.toLowerCase())].join(', ');
}
