import { bundledContent } from '../content/bundled';
import type { Db } from '../db';
import { anyOf } from '../db/any-of';
import { addDays, dateOnly } from '../db/time';
import { getAgreement, protectedTimeSummary } from './agreement';
import { hoursOn, programmeCalendar } from './calendar';
import { loadProgrammes, type Programme } from './definition';
import { groupedBy } from '$lib/grouped';
import {
	activeEnrolmentOf,
	calendarInputs,
	type CalendarInputs,
	type Enrolment
} from './enrolments';

let all: Programme[] | undefined;

export function programmeDefinitions(): Programme[] {
	all ??= loadProgrammes(bundledContent);
	return all;
}

/** The programme the content defines by `id`, or undefined for one it does not (or no longer) has. */
export const programmeDefinition = (id: string | undefined) =>
	programmeDefinitions().find((p) => p.id === id);

export type ReviewState = 'done' | 'overdue' | 'due-soon' | 'upcoming' | 'optional';

/** Days before a review is due from which it shows as due soon (and is notified). */
export const dueSoonDays = 14;

/**
 * A practitioner's programme: its calendar with each review's state (done, overdue, due within
 * 14 days, upcoming), or undefined when they are not on one.
 */
export async function programmeFor(db: Db, userId: string, today = dateOnly()) {
	const enrolment = await activeEnrolmentOf(db, userId);
	return enrolment && enrolmentProgramme(db, enrolment, today);
}

/**
 * The definition of the programme a practitioner is on (as `programmeFor` finds it), without
 * working out its calendar: for what the content says of it, such as the observations required.
 */
export async function programmeDefinitionFor(db: Db, userId: string) {
	const enrolment = await activeEnrolmentOf(db, userId);
	return enrolment && programmeDefinition(enrolment.programme);
}

/** An enrolment, active or ended, with its calendar and each review's state today. */
export async function enrolmentProgramme(db: Db, enrolment: Enrolment, today = dateOnly()) {
	return (await enrolmentProgrammes(db, [enrolment], today)).get(enrolment.id);
}

/**
 * Enrolments with their calendars and each review's state today, by enrolment id, in a few
 * queries however many (the reminders read every enrolment at once); none for an enrolment on
 * a programme the content no longer has.
 */
export async function enrolmentProgrammes(db: Db, enrolments: Enrolment[], today = dateOnly()) {
	const ids = enrolments.map((e) => e.id);
	const inputs = await calendarInputs(db, ids);
	const done = groupedBy(
		await db
			.selectFrom('programme_reviews')
			.innerJoin('users', 'users.id', 'programme_reviews.completed_by')
			.select([
				'programme_reviews.id',
				'enrolment_id',
				'review_id',
				'completed_at',
				'recommendation',
				'users.name as completedBy'
			])
			.where(anyOf(db, 'enrolment_id', ids))
			.execute(),
		(review) => review.enrolment_id
	);
	const programmes = new Map<string, ReturnType<typeof withCalendar>>();
	for (const enrolment of enrolments) {
		const programme = programmeDefinition(enrolment.programme);
		if (!programme) continue;
		// Each review recorded as the calendar shows it, without its enrolment's id.
		const recorded = done(enrolment.id).map((r) => ({
			id: r.id,
			review_id: r.review_id,
			completed_at: r.completed_at,
			recommendation: r.recommendation,
			completedBy: r.completedBy
		}));
		const calendar = { ...inputs(enrolment.id), done: recorded };
		programmes.set(enrolment.id, withCalendar(programme, enrolment, calendar, today));
	}
	return programmes;
}

/** An enrolment's programme, calendar and reviews, from what is stored about it. */
function withCalendar(
	programme: Programme,
	enrolment: Enrolment,
	{ extensions, hours, pauses, done }: CalendarInputs & { done: DoneReview[] },
	today: string
) {
	const startFte = enrolment.fte_percent / 100;
	const calendar = programmeCalendar(programme, enrolment.starts_on, startFte, extensions, {
		hours,
		pauses,
		today
	});
	return {
		enrolmentId: enrolment.id,
		programme,
		status: enrolment.status,
		startsOn: enrolment.starts_on,
		endedOn: enrolment.ended_on,
		/** Working hours today (or at the start, before it), as a fraction of full time. */
		fte: hoursOn(startFte, hours, today > enrolment.starts_on ? today : enrolment.starts_on),
		startFte,
		hours,
		pauses,
		extensions,
		endsOn: calendar.endsOn,
		reviews: reviewStates(calendar.reviews, done, today)
	};
}

/** A review recorded, as the calendar shows it. */
interface DoneReview {
	id: string;
	review_id: string;
	completed_at: string;
	recommendation: string;
	completedBy: string;
}

/** Each review with its state today: done, overdue, due within 14 days, upcoming or optional. */
export function reviewStates<
	R extends { id: string; dueOn: string; optional: boolean },
	D extends { review_id: string }
>(reviews: R[], done: D[], today: string) {
	const soonDate = addDays(today, dueSoonDays);
	return reviews.map((review) => {
		const completed = done.find((d) => d.review_id === review.id);
		return {
			...review,
			state: reviewState(review, completed, today, soonDate),
			completed: completed ?? null
		};
	});
}

/**
 * How many reviews are in each state today, as `reviewStates` gives them, without listing them:
 * for everyone on a programme at once (early-career progress).
 */
export function reviewCounts(
	reviews: { id: string; dueOn: string; optional: boolean }[],
	done: { review_id: string }[],
	today: string
) {
	const soonDate = addDays(today, dueSoonDays);
	const counts: Record<ReviewState, number> = {
		done: 0,
		overdue: 0,
		'due-soon': 0,
		upcoming: 0,
		optional: 0
	};
	for (const review of reviews) {
		const completed = done.find((d) => d.review_id === review.id);
		counts[reviewState(review, completed, today, soonDate)]++;
	}
	return counts;
}

function reviewState(
	review: { dueOn: string; optional: boolean },
	completed: unknown,
	today: string,
	soonDate: string
): ReviewState {
	// An optional review (the ASYE's 9-month one) is never overdue: the authority may skip it.
	return completed
		? 'done'
		: review.optional
			? 'optional'
			: review.dueOn < today
				? 'overdue'
				: review.dueOn <= soonDate
					? 'due-soon'
					: 'upcoming';
}

/** The programme with its agreement and protected development time, for the programme pages. */
export async function programmePage(db: Db, userId: string, today = dateOnly()) {
	const programme = await programmeFor(db, userId, today);
	if (!programme) return null;
	return {
		programme,
		agreement: (await getAgreement(db, programme.enrolmentId)) ?? null,
		protectedTime: await protectedTimeSummary(
			db,
			programme.enrolmentId,
			programme.startsOn,
			programme.fte,
			programme.programme.protectedTimePercent,
			today
		)
	};
}
