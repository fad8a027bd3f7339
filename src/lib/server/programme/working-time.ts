import { addDays, byIsoDate, daysBetween } from '../db/time';
import { addMonths } from './month';

// A programme keeps time in "working time": the calendar with every paused day taken out. A
// real date maps to working time by subtracting the paused days before it, and back by adding
// them again, so a date after a pause moves by exactly the pause's length in days.

export const daysPerMonth = 365.25 / 12;

/** A date some (possibly fractional) months after another: whole calendar months, then days. */
export function addFractionalMonths(date: string, months: number): string {
	const whole = Math.floor(months + 1e-9);
	const days = Math.round((months - whole) * daysPerMonth);
	return addDays(addMonths(date, whole), days);
}

/** The inverse of `addFractionalMonths`: whole calendar months from one date to a later one, then days. */
export function monthsBetween(from: string, to: string): number {
	const [fy, fm] = from.split('-').map(Number);
	const [ty, tm] = to.split('-').map(Number);
	let whole = (ty - fy) * 12 + (tm - fm);
	if (addMonths(from, whole) > to) whole -= 1;
	return whole + daysBetween(addMonths(from, whole), to) / daysPerMonth;
}

/** A pause in a programme: from its first day until the day back (`endsOn`), or still going. */
export interface Pause {
	startsOn: string;
	endsOn: string | null;
}

/** A pause as the days it takes out, `[from, until)`, with whether it is still going. */
export interface PausedSpan {
	from: string;
	until: string;
	open: boolean;
	days: number;
}

/**
 * Pauses as spans of days, in order. A pause not yet resumed counts to the end of today (none
 * of it, when it has not begun), so the dates after it move a day later for each day it lasts.
 */
export function pausedSpans(pauses: Pause[], today: string): PausedSpan[] {
	return [...pauses]
		.sort((a, b) => byIsoDate(a.startsOn, b.startsOn))
		.map((p) => {
			const until = p.endsOn ?? (today >= p.startsOn ? addDays(today, 1) : p.startsOn);
			return {
				from: p.startsOn,
				until,
				open: p.endsOn === null,
				days: daysBetween(p.startsOn, until)
			};
		});
}

/** A real date in working time: the paused days before it taken out. */
export function toWorking(spans: PausedSpan[], date: string): string {
	let paused = 0;
	for (const span of spans) {
		if (span.from >= date) break;
		paused += daysBetween(span.from, span.until < date ? span.until : date);
	}
	return addDays(date, -paused);
}

/** A working date in real time: each pause that begins on or before it moves it by the pause's length. */
export function toReal(spans: PausedSpan[], working: string): string {
	let date = working;
	for (const span of spans) if (date >= span.from) date = addDays(date, span.days);
	return date;
}

/** Working hours from a day of working time on, as a fraction of full time. */
export interface Segment {
	from: string;
	fte: number;
}

/**
 * Where, in working time, a number of full-time-equivalent months has accrued: each segment of
 * hours accrues its calendar months times its fraction of full time. Also the months of working
 * time it took, for saying how long the programme is.
 */
export function accruedAt(segments: Segment[], fteMonths: number) {
	let accrued = 0;
	let months = 0;
	for (const [index, segment] of segments.entries()) {
		const need = (fteMonths - accrued) / segment.fte;
		const next = segments[index + 1];
		const span = next ? monthsBetween(segment.from, next.from) : Infinity;
		if (need <= span)
			return { date: addFractionalMonths(segment.from, need), months: months + need };
		accrued += span * segment.fte;
		months += span;
	}
	throw new Error('a programme needs at least one segment of working hours');
}

/**
 * The full-time-equivalent months accrued by a day of working time: the inverse of
 * `accruedAt`, each segment of hours adding its calendar months times its fraction of full time.
 */
export function accruedBy(segments: Segment[], working: string): number {
	let accrued = 0;
	for (const [index, segment] of segments.entries()) {
		if (working <= segment.from) break;
		const next = segments[index + 1];
		const until = next && next.from < working ? next.from : working;
		accrued += monthsBetween(segment.from, until) * segment.fte;
	}
	return accrued;
}
