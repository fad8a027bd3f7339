import { byIsoDate } from '../db/time';
import { formatDate } from '../../format';
import type { Programme } from './definition';
import {
	accruedAt,
	accruedBy,
	addFractionalMonths,
	daysPerMonth,
	pausedSpans,
	toReal,
	toWorking,
	type Pause,
	type PausedSpan,
	type Segment
} from './working-time';

export { addFractionalMonths, type Pause } from './working-time';

export interface Extension {
	months: number;
	reason: string;
}

/** Working hours changed from a date on, as a fraction of full time. */
export interface HoursChange {
	fromOn: string;
	fte: number;
}

export interface DueReview {
	id: string;
	title: string;
	final: boolean;
	optional: boolean;
	/** When it would be due full-time with no extension. */
	plannedOn: string;
	dueOn: string;
	/** Why the due date differs from the plan; empty when it does not. */
	why: string[];
}

/** Changes of hours and pauses since the start; `today` is where a pause not yet resumed ends. */
export interface CalendarChanges {
	hours?: HoursChange[];
	pauses?: Pause[];
	today?: string;
}

const monthsText = (n: number) => `${Number(n.toFixed(2))} ${n === 1 ? 'month' : 'months'}`;
const hoursText = (fte: number) => (fte === 1 ? 'full time' : `${fte} of full time`);
const daysText = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** Working hours on a day: the latest change from then or before, or the hours at the start. */
export function hoursOn(startFte: number, hours: HoursChange[], date: string) {
	return hours.filter((h) => h.fromOn <= date).at(-1)?.fte ?? startFte;
}

function checkFraction(fte: number) {
	if (!(fte > 0 && fte <= 1))
		throw new Error('working hours must be more than 0 and at most full time');
}

/**
 * The clock someone's programme keeps: where a number of full-time-equivalent months from the
 * start falls in real dates, given their working hours from the start, changes of hours and
 * pauses. Reviews and supervision sessions both run on it (`supervision-calendar.ts`), so a
 * change of hours or a pause moves them alike.
 *
 * The work is done in working time (`working-time.ts`): full-time-equivalent months accrue
 * there, segment by segment of hours, and the date they reach is moved on by the pauses.
 */
export function programmeClock(startsOn: string, fte = 1, changes: CalendarChanges = {}) {
	checkFraction(fte);
	const hours = [...(changes.hours ?? [])].sort((a, b) => byIsoDate(a.fromOn, b.fromOn));
	hours.forEach((h) => checkFraction(h.fte));
	const pauses = changes.pauses ?? [];
	if (!changes.today && pauses.some((p) => p.endsOn === null))
		throw new Error('a pause not yet resumed needs today’s date');
	const spans = pausedSpans(pauses, changes.today ?? startsOn);
	const segments: Segment[] = [
		{ from: startsOn, fte },
		...hours.map((h) => ({ from: toWorking(spans, h.fromOn), fte: h.fte }))
	];
	return {
		hours,
		spans,
		segments,
		/** Working hours at the latest change, as a fraction of full time. */
		latestFte: segments.at(-1)!.fte,
		/** The real date some full-time-equivalent months in, and the months of working time it took. */
		at(fteMonths: number) {
			const working = accruedAt(segments, fteMonths);
			return { ...working, date: toReal(spans, working.date) };
		}
	};
}

/**
 * Review due dates for someone on a programme. Working part-time stretches every date in
 * proportion (a 12-month programme at 0.6 of full time takes 20 months); a change of hours
 * stretches what is left from its date; extensions stretch the whole programme, at the latest
 * hours, and so every date in proportion too; a pause moves every later date by its length in
 * days. Each moved date says why.
 *
 * A review at month m is due when the programme's clock reaches m × (M + E × latest hours) / M,
 * for a programme of M months extended by E.
 */
export function programmeCalendar(
	programme: Programme,
	startsOn: string,
	fte = 1,
	extensions: Extension[] = [],
	changes: CalendarChanges = {}
) {
	const { hours, spans, segments, dueAt, monthOn } = programmeTime(
		programme,
		startsOn,
		fte,
		extensions,
		changes
	);
	const reviews: DueReview[] = programme.reviews.map((review) => {
		const dueOn = dueAt(review.month).date;
		return {
			id: review.id,
			title: review.title,
			final: review.final,
			optional: review.optional,
			plannedOn: addFractionalMonths(startsOn, review.month),
			dueOn,
			why: [
				...partTimeWhy(review, fte, hours, dueOn, accruedAt(segments, review.month).months),
				...extensions.map(
					(extension) =>
						`the programme was extended by ${monthsText(extension.months)} (${extension.reason}), which moves every date in proportion`
				),
				...spans.filter((span) => span.from <= dueOn).map(pauseWhy)
			]
		};
	});
	const end = dueAt(programme.months);
	const pausedDays = spans.reduce((sum, s) => sum + (s.from <= end.date ? s.days : 0), 0);
	return {
		lengthMonths: end.months + pausedDays / daysPerMonth,
		endsOn: end.date,
		reviews,
		monthOn
	};
}

/**
 * A programme's time for one person: where in real time a full-time month of the programme
 * falls (`dueAt`), and the other way, how many full-time months of the programme a real date
 * has reached (`monthOn`, from 0 at the start to the programme's months at its end). Both go
 * through working time, so part-time, changes of hours, pauses and extensions move them alike.
 */
function programmeTime(
	programme: Programme,
	startsOn: string,
	fte: number,
	extensions: Extension[],
	changes: CalendarChanges
) {
	const clock = programmeClock(startsOn, fte, changes);
	const extensionMonths = extensions.reduce((sum, e) => sum + e.months, 0);
	const stretch = (programme.months + extensionMonths * clock.latestFte) / programme.months;
	return {
		...clock,
		dueAt: (month: number) => clock.at(month * stretch),
		monthOn(date: string) {
			const months = accruedBy(clock.segments, toWorking(clock.spans, date)) / stretch;
			return Math.min(programme.months, months);
		}
	};
}

/** Why working hours moved a review: part-time from the start, or hours changed before it. */
function partTimeWhy(
	review: { title: string; month: number },
	fte: number,
	hours: HoursChange[],
	dueOn: string,
	workingMonths: number
) {
	const before = hours.filter((h) => h.fromOn < dueOn);
	const atFullTime = `${review.title} falls ${monthsText(review.month)} into the programme at full time`;
	if (before.length === 0)
		return fte < 1
			? [`${atFullTime}; at ${fte} of full time that is ${monthsText(review.month / fte)}`]
			: [];
	const worked = [
		`${hoursText(fte)} from the start`,
		...before.map((h) => `${hoursText(h.fte)} from ${formatDate(h.fromOn)}`)
	].join(' and ');
	return [`${atFullTime}; at ${worked} that is ${monthsText(workingMonths)} of working time`];
}

function pauseWhy(span: PausedSpan) {
	if (!span.open)
		return `the programme was paused from ${formatDate(span.from)}, back on ${formatDate(span.until)}, which moves it ${daysText(span.days)} later`;
	if (span.days === 0)
		return `the programme is to be paused from ${formatDate(span.from)}, which will move it a day later for each day paused`;
	return `the programme has been paused since ${formatDate(span.from)} and has not resumed: counted to today that moves it ${daysText(span.days)} later, and a day more each day until it resumes`;
}
