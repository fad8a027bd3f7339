import { programmeCalendar } from './calendar';
import type { Programme } from './definition';
import type { CalendarInputs } from './enrolments';
import { supervisionCalendar } from './supervision-calendar';

/**
 * How many calendars are kept for each programme, the oldest let go past it: enough for a
 * national programme's cohorts.
 */
const keptCalendars = 20_000;

const kept = new WeakMap<Programme, Map<string, Calendar>>();

export type Calendar = ReturnType<typeof calendarOf>;

/**
 * An enrolment's review calendar and supervision sessions (none, for a programme that plans no
 * supervision). They are a pure function of the programme, the start, the hours, the changes and
 * today, so each is worked out once for everyone who started on the same terms (a cohort shares
 * one) and kept for later requests the same day: a supervisee's page spent a twentieth of its
 * time working out the same sessions on every request. Kept by the programme itself, as a test
 * may make another of the same id. Those who use one share it, and must not change it.
 */
export function keptCalendar(
	programme: Programme,
	enrolment: { starts_on: string; fte_percent: number },
	inputs: CalendarInputs,
	today: string
): Calendar {
	let calendars = kept.get(programme);
	if (!calendars) kept.set(programme, (calendars = new Map()));
	const key = JSON.stringify([today, enrolment.starts_on, enrolment.fte_percent, inputs]);
	let calendar = calendars.get(key);
	if (!calendar) {
		calendar = calendarOf(programme, enrolment, inputs, today);
		calendars.set(key, calendar);
		if (calendars.size > keptCalendars) calendars.delete(calendars.keys().next().value!);
	}
	return calendar;
}

function calendarOf(
	programme: Programme,
	enrolment: { starts_on: string; fte_percent: number },
	{ extensions, hours, pauses }: CalendarInputs,
	today: string
) {
	const changes = { hours, pauses, today };
	const fte = enrolment.fte_percent / 100;
	return {
		...programmeCalendar(programme, enrolment.starts_on, fte, extensions, changes),
		sessions: programme.supervision
			? supervisionCalendar(programme, enrolment.starts_on, fte, extensions, changes)
			: null
	};
}
