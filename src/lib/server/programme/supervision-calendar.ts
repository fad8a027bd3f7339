import { addDays, byIsoDate } from '../db/time';
import {
	programmeCalendar,
	programmeClock,
	type CalendarChanges,
	type Extension
} from './calendar';
import type { Programme } from './definition';
import { addMonths } from './month';
import { frequencyText, type Span } from './supervision-plan';
import { monthsBetween } from './working-time';

export interface SupervisionSession {
	/** 1 for the first session. */
	number: number;
	/** When it would be due at full time with no pause. */
	plannedOn: string;
	dueOn: string;
	/** How often supervision is held then: weekly, fortnightly, monthly. */
	frequency: string;
}

const after = (date: string, { count, unit }: Span, times = 1) =>
	unit === 'week' ? addDays(date, 7 * count * times) : addMonths(date, count * times);

/**
 * The supervision sessions someone on a programme is due, from the programme's plan (content),
 * to the end of the programme. The plan is at full time: each session's full-time date is turned
 * into full-time-equivalent months and put on the programme's clock, as a review is, so
 * part-time hours and changes of hours space the sessions out in proportion and a pause moves
 * every later session by its length. An extension is not a reason to meet less often: it
 * lengthens the programme, and the last phase's sessions carry on to its new end.
 */
export function supervisionCalendar(
	programme: Programme,
	startsOn: string,
	fte = 1,
	extensions: Extension[] = [],
	changes: CalendarChanges = {}
): SupervisionSession[] {
	const { endsOn } = programmeCalendar(programme, startsOn, fte, extensions, changes);
	const clock = programmeClock(startsOn, fte, changes);
	const sessions: SupervisionSession[] = [];
	let phaseStart = startsOn;
	for (const phase of programme.supervision ?? []) {
		const phaseEnd = phase.until && after(startsOn, phase.until);
		for (let times = 1; ; times++) {
			const plannedOn = after(phaseStart, phase.every, times);
			if (phaseEnd && plannedOn > phaseEnd) break;
			const dueOn = clock.at(monthsBetween(startsOn, plannedOn)).date;
			if (dueOn > endsOn) return sessions;
			const frequency = frequencyText(phase.every);
			sessions.push({ number: sessions.length + 1, plannedOn, dueOn, frequency });
		}
		// Only the last phase has no end, and it returns above.
		phaseStart = phaseEnd!;
	}
	return sessions;
}

export type SessionState = 'met' | 'overdue' | 'due' | 'upcoming';

/** Days before a session is due from which it shows as due. */
export const sessionDueDays = 7;

/**
 * Each session with its state today and the supervision record that met it. A session is met by
 * the earliest record not already counted for an earlier session and held on or after the
 * previous session's due date (the start of the programme, for the first). So a late session
 * still counts, for the earliest session waiting, and two sessions held before one due date
 * count once: the second does not count ahead. A session not met is overdue once its due date
 * has passed, due within 7 days of it, and upcoming before that.
 */
export function sessionStates<R extends { heldOn: string }>(
	sessions: SupervisionSession[],
	startsOn: string,
	records: R[],
	today: string
) {
	const states: (SupervisionSession & { state: SessionState; metBy: R | null })[] = [];
	eachState(sessions, startsOn, records, today, (session, state, metBy) =>
		states.push({ ...session, state, metBy })
	);
	return states;
}

/** Each session's state today in turn, as `sessionStates` gives them, without listing them. */
function eachState<R extends { heldOn: string }>(
	sessions: SupervisionSession[],
	startsOn: string,
	records: R[],
	today: string,
	visit: (session: SupervisionSession, state: SessionState, metBy: R | null) => void
) {
	const held = [...records].sort((a, b) => byIsoDate(a.heldOn, b.heldOn));
	const dueBy = addDays(today, sessionDueDays);
	let next = 0;
	for (const [index, session] of sessions.entries()) {
		const from = index === 0 ? startsOn : sessions[index - 1].dueOn;
		while (next < held.length && held[next].heldOn < from) next++;
		const metBy = next < held.length ? held[next++] : null;
		const state: SessionState = metBy
			? 'met'
			: session.dueOn < today
				? 'overdue'
				: session.dueOn <= dueBy
					? 'due'
					: 'upcoming';
		visit(session, state, metBy);
	}
}

/** What a schedule comes to today: the next session to hold, and how many are overdue since when. */
export function scheduleSummary(states: { dueOn: string; state: SessionState }[]) {
	const summary = emptySummary();
	for (const { dueOn, state } of states) addToSummary(summary, dueOn, state);
	return summary;
}

/**
 * `scheduleSummary(sessionStates(…))` without the list of sessions between: for everyone on a
 * programme at once (early-career progress), where making each person's list was a fifth of the
 * page's time.
 */
export function sessionSummary(
	sessions: SupervisionSession[],
	startsOn: string,
	records: { heldOn: string }[],
	today: string
) {
	const summary = emptySummary();
	eachState(sessions, startsOn, records, today, ({ dueOn }, state) =>
		addToSummary(summary, dueOn, state)
	);
	return summary;
}

const emptySummary = () => ({
	/** The earliest session not yet met (overdue, when its date has passed); null when all are. */
	nextDueOn: null as string | null,
	nextState: null as SessionState | null,
	overdue: 0,
	overdueSince: null as string | null
});

function addToSummary(
	summary: ReturnType<typeof emptySummary>,
	dueOn: string,
	state: SessionState
) {
	if (state !== 'met' && summary.nextState === null) {
		summary.nextDueOn = dueOn;
		summary.nextState = state;
	}
	if (state === 'overdue') {
		summary.overdue++;
		summary.overdueSince ??= dueOn;
	}
}
