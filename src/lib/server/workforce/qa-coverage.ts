import type { Expression, ExpressionBuilder } from 'kysely';
import { pageOf, readPaging, type Paging } from '$lib/paging';
import type { Db } from '../db';
import type { Database } from '../db/schema';
import { dateOnly } from '../db/time';
import { addMonths } from '../programme/month';
import { percent, rankedByName, type Column, type Table, type ViewPaging } from './figures';
import { isPractitioner, type WorkforceFilters } from './filters';

// QA coverage: when each practitioner last had a case audit, an observation of practice and
// feedback, against the quality assurance framework's expectation of each every year.

/** The three kinds, as the tables name them. */
export const qaKinds = {
	audit: 'Audit',
	observation: 'Observation',
	feedback: 'Feedback'
} as const;
export type QaKind = keyof typeof qaKinds;

/** The first day of the twelve months up to today: a date on or after it is in them. */
export const qaSince = (today: string) => addMonths(today, -12);

/** Practitioners a page: a page stays small however large the authority. */
export const qaPerPage = 50;

/** The page of practitioners a query string asks for (`page`, and `size` up to 50), if any. */
export const qaPageAsked = (params: URLSearchParams) =>
	params.has('page') ? readPaging(params, { size: qaPerPage, maxSize: qaPerPage }) : undefined;

/**
 * The summary (how many practitioners, as filtered, have had no audit, observation or feedback in
 * the twelve months to today) and the practitioners with their latest of each, those missing most
 * kinds first, then by name. Only what happened by today counts: a finalised audit's date, a
 * record's activity date (an observation recorded by an observer is one too), never a draft.
 * Given a page, only that page of practitioners (the last when asked for one past it); the
 * summary always counts them all.
 */
export async function qaCoverage(
	db: Db,
	filters: WorkforceFilters,
	today = dateOnly(),
	page?: Paging
): Promise<{ since: string; summary: Table; people: Table; paging?: ViewPaging }> {
	const since = qaSince(today);
	// Each row built once, as it is sent, with how many kinds it lacks beside it: at a national
	// cohort this runs for 40,000 rows a request, and each object more was garbage to collect.
	const people = (await latestByPractitioner(db, filters, today)).map((p) => {
		const feedback = later(p.child, p.colleague);
		const missing: QaKind[] = [];
		if (!p.audit || p.audit < since) missing.push('audit');
		if (!p.observation || p.observation < since) missing.push('observation');
		if (!feedback || feedback < since) missing.push('feedback');
		const row = {
			practitionerId: p.id,
			teamId: p.teamId,
			name: p.name,
			team: p.team ?? '',
			lastAudit: p.audit ?? null,
			lastObservation: p.observation ?? null,
			lastFeedback: feedback ?? null,
			missing: missing.length ? sentence(missing.map((k) => qaKinds[k])) : null
		};
		return { name: p.name, row, missing };
	});
	// Those missing most kinds first.
	const ordered = rankedByName(
		people,
		(p) => -p.missing.length,
		(p) => p.row.practitionerId
	);
	const { rows: shown, paging } = page ? pageOf(ordered, page) : { rows: ordered };
	const table: Table = {
		id: 'practitioners',
		title: 'Practitioners, those with none of a kind in the last 12 months first',
		columns: peopleColumns,
		rows: shown.map((p) => p.row)
	};
	return {
		since,
		summary: summaryTable(people),
		people: table,
		paging: paging && {
			table: table.id,
			page: paging.page,
			pages: paging.pages,
			perPage: paging.size,
			rows: paging.total
		}
	};
}

type Eb = ExpressionBuilder<Database, 'users'>;

/** A person's latest finalised audit, on or before `today` if given. */
export function latestAudit(eb: Eb, today?: string) {
	let query = eb
		.selectFrom('audits')
		.select((e) => e.fn.max('audits.audited_on').as('on'))
		.whereRef('audits.practitioner_id', '=', 'users.id')
		.where('audits.status', '=', 'finalised');
	if (today) query = query.where('audits.audited_on', '<=', today);
	return query;
}

/**
 * A person's latest record of a type, on or before `today` if given: submitted, or a draft that
 * holds an answer by link (the practitioner's record of it is a draft until they submit it).
 */
export function latestRecord(eb: Eb, type: string, today?: string) {
	let query = eb
		.selectFrom('evidence')
		.select((e) => e.fn.max('evidence.activity_date').as('on'))
		.whereRef('evidence.owner_id', '=', 'users.id')
		.where('evidence.type', '=', type)
		.where((e) =>
			e.or([
				e('evidence.status', '!=', 'draft'),
				e.exists(
					e
						.selectFrom('feedback_requests')
						.select('feedback_requests.id')
						.whereRef('feedback_requests.record_id', '=', 'evidence.id')
				)
			])
		);
	if (today) query = query.where('evidence.activity_date', '<=', today);
	return query;
}

/**
 * Each practitioner's latest finalised audit, observation and feedback of each type, by today:
 * kept for each person (qa_latest, 2026-12-09-01) whenever dated, so read as kept unless dated
 * after today; only then looked up (one seek in a covering index, 2026-12-03-01).
 */
function latestByPractitioner(db: Db, filters: WorkforceFilters, today: string) {
	return db
		.selectFrom('users')
		.leftJoin('teams', 'teams.id', 'users.team_id')
		.leftJoin('qa_latest as kept', 'kept.user_id', 'users.id')
		.select((eb) => {
			const byToday = (
				column: 'audit' | 'observation' | 'feedback_child_family' | 'feedback_colleague',
				lookUp: Expression<{ on: string }>
			) =>
				eb
					.case()
					.when(`kept.${column}`, '>', today)
					.then(lookUp)
					.else(eb.ref(`kept.${column}`))
					.end()
					.$castTo<string | null>();
			return [
				'users.id',
				'users.name',
				'users.team_id as teamId',
				'teams.name as team',
				byToday('audit', latestAudit(eb, today)).as('audit'),
				byToday('observation', latestRecord(eb, 'observation', today)).as('observation'),
				// Feedback is a record of either type, typed in or given by a link.
				byToday('feedback_child_family', latestRecord(eb, 'feedback-child-family', today)).as(
					'child'
				),
				byToday('feedback_colleague', latestRecord(eb, 'feedback-colleague', today)).as('colleague')
			];
		})
		.where(isPractitioner(filters))
		.execute();
}

const kinds = Object.keys(qaKinds) as QaKind[];

const later = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : (a ?? b));

/** "Audit, observation, feedback": the first capitalised, the rest not. */
const sentence = ([first, ...rest]: string[]) =>
	[first, ...rest.map((word) => word.toLowerCase())].join(', ');

/** How many lack each kind, and any, counted in one pass over everyone. */
function summaryTable(people: { missing: QaKind[] }[]): Table {
	const without = { audit: 0, observation: 0, feedback: 0, any: 0 };
	for (const { missing } of people) {
		for (const kind of missing) without[kind]++;
		if (missing.length) without.any++;
	}
	const row = (kind: string, n: number) => ({
		kind,
		without: n,
		practitioners: people.length,
		share: percent(n, people.length)
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
		rows: [...kinds.map((k) => row(qaKinds[k], without[k])), row('Any of the three', without.any)]
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
