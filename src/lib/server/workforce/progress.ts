import type { Db } from '../db';
import { dateOnly, daysBetween } from '../db/time';
import type { Framework } from '../framework';
import { outcomesOf } from '../framework';
import { programmeDefinitions, reviewStates } from '../programme';
import { programmeCalendar } from '../programme/calendar';
import { calendarInputs } from '../programme/enrolments';
import { programmeMonth } from '../programme/month';
import { expectedSignOffShare } from '../programme/definition';
import type { Table } from './figures';
import { practitioners, type WorkforceFilters } from './filters';
import { currentSignOffs } from '../signoff/signoffs';

/**
 * Everyone on a programme who has not finished it: their month, review points done, due and
 * overdue, observations against those required, and outcomes signed off against the programme's
 * expected trajectory (content: `signOffTrajectory`). Those behind come first, the furthest behind
 * first. Counts are aggregated in SQL; each person's calendar is the same pure function the
 * programme pages use.
 */
export async function earlyCareerProgress(
	db: Db,
	framework: Framework,
	filters: WorkforceFilters,
	today = dateOnly()
): Promise<Table> {
	const people = practitioners(db, filters);
	const enrolments = await db
		.selectFrom('enrolments')
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
		.where('enrolments.user_id', 'in', people)
		.where('enrolments.status', '=', 'active')
		.$if(Boolean(filters.programme), (q) =>
			q.where('enrolments.programme', '=', filters.programme!)
		)
		.orderBy('users.name')
		.execute();
	const enrolmentIds = enrolments.map((e) => e.id);
	const userIds = enrolments.map((e) => e.user_id);
	const none = [''];
	const [inputs, done, observations, signed] = await Promise.all([
		calendarInputs(db, enrolmentIds),
		db
			.selectFrom('programme_reviews')
			.select(['enrolment_id', 'review_id'])
			.where('enrolment_id', 'in', enrolmentIds.length ? enrolmentIds : none)
			.execute(),
		db
			.selectFrom('observations')
			.select(['practitioner_id', (eb) => eb.fn.countAll<number>().as('n')])
			.where('practitioner_id', 'in', userIds.length ? userIds : none)
			.groupBy('practitioner_id')
			.execute(),
		db
			.selectFrom(currentSignOffs(db, framework.version.id).as('s'))
			.select(['s.practitioner_id', (eb) => eb.fn.countAll<number>().as('n')])
			.where('s.practitioner_id', 'in', userIds.length ? userIds : none)
			.groupBy('s.practitioner_id')
			.execute()
	]);
	const observed = new Map(observations.map((o) => [o.practitioner_id, Number(o.n)]));
	const signedBy = new Map(signed.map((s) => [s.practitioner_id, Number(s.n)]));
	const outcomeCount = outcomesOf(framework).length;
	const programmes = new Map(programmeDefinitions().map((p) => [p.id, p]));
	// Each enrolment's recorded reviews, grouped once rather than searched per person.
	const byEnrolment = <T extends { enrolment_id: string }>(rows: T[]) => {
		const groups = new Map<string, T[]>();
		for (const row of rows) {
			const group = groups.get(row.enrolment_id);
			if (group) group.push(row);
			else groups.set(row.enrolment_id, [row]);
		}
		return (id: string) => groups.get(id) ?? [];
	};
	const doneOf = byEnrolment(done);

	const rows = enrolments.flatMap((e) => {
		const programme = programmes.get(e.programme);
		if (!programme) return [];
		const { extensions, hours, pauses } = inputs.get(e.id)!;
		const calendar = programmeCalendar(programme, e.starts_on, e.fte_percent / 100, extensions, {
			hours,
			pauses,
			today
		});
		const reviews = reviewStates(calendar.reviews, doneOf(e.id), today);
		const final = reviews.find((r) => r.final);
		if (final?.state === 'done') return []; // finished
		const elapsed = Math.min(
			1,
			Math.max(
				0,
				Math.max(1, daysBetween(e.starts_on, today)) /
					Math.max(1, daysBetween(e.starts_on, calendar.endsOn))
			)
		);
		const expectedOutcomes = Math.floor(
			outcomeCount * expectedSignOffShare(programme, elapsed * programme.months)
		);
		const expectedObservations = Math.floor(programme.observationsRequired * elapsed);
		const signedOffCount = signedBy.get(e.user_id) ?? 0;
		const observationCount = observed.get(e.user_id) ?? 0;
		const overdue = reviews.filter((r) => r.state === 'overdue').length;
		const shortfall =
			Math.max(0, expectedOutcomes - signedOffCount) +
			3 * overdue +
			Math.max(0, expectedObservations - observationCount);
		return [
			{
				practitionerId: e.user_id,
				name: e.name,
				team: e.teamName ?? '',
				programme: programme.title,
				month: programmeMonth(e.starts_on, today),
				reviewsDone: reviews.filter((r) => r.state === 'done').length,
				reviewsDue: reviews.filter((r) => r.state === 'due-soon').length,
				reviewsOverdue: overdue,
				observations: observationCount,
				observationsRequired: programme.observationsRequired,
				signedOff: signedOffCount,
				expectedSignedOff: expectedOutcomes,
				behind: shortfall > 0 ? 'Behind' : 'On track',
				shortfall
			}
		];
	});
	rows.sort((a, b) => b.shortfall - a.shortfall || a.name.localeCompare(b.name));
	return {
		id: 'progress',
		title: 'Early-career progress, those behind first',
		columns: [
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
			{ key: 'behind', label: 'Status' }
		],
		rows
	};
}
