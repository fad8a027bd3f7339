import { addDays } from '../db/time';
import { expectedSignOffShare, type Programme } from './definition';
import { addMonths } from './month';
import { monthsBetween } from './working-time';

// A practitioner's programme month by month: accepted evidence and outcomes signed off by the end
// of each month, against the outcomes the programme expects signed off by then. A pure rule: the
// records come in as dates, the calendar as `monthOn`.

/** One month of the programme, counted at its end (so far, for the month today is in). */
export interface TrajectoryMonth {
	/** 1 for the month the programme starts in. */
	month: number;
	/** The month's last day. */
	endsOn: string;
	/** Whether today is in this month: its figures are so far. */
	current: boolean;
	/**
	 * The outcomes expected signed off by the month's end (by today, for today's month), counted
	 * as `/workforce/progress` counts them.
	 */
	expected: number;
	/** Accepted evidence records by the month's end; null for a month not yet begun. */
	accepted: number | null;
	/** Outcomes signed off (and not withdrawn) by the month's end; null for a month not yet begun. */
	signedOff: number | null;
}

/** A sign-off chain entry, as far as the trajectory needs it. */
export interface SignOffEntry {
	outcomeId: string;
	action: 'sign-off' | 'withdraw';
	/** An ISO 8601 time. */
	at: string;
}

export interface TrajectoryInput {
	programme: Programme;
	startsOn: string;
	/** When the programme is due to end, from its calendar. */
	endsOn: string;
	/** How many of the programme's full-time months a date has reached (`programmeCalendar`). */
	monthOn: (date: string) => number;
	outcomeCount: number;
	/** When each accepted evidence record was accepted (ISO 8601 times). */
	acceptedAt: string[];
	/** The practitioner's sign-off entries, in the chain's order. */
	signOffs: SignOffEntry[];
	today: string;
}

/** Outcomes signed off before a day: those whose latest entry before it is a sign-off. */
function signedOffBefore(entries: SignOffEntry[], day: string) {
	const latest = new Map<string, SignOffEntry['action']>();
	for (const entry of entries)
		if (entry.at.slice(0, 10) < day) latest.set(entry.outcomeId, entry.action);
	return [...latest.values()].filter((action) => action === 'sign-off').length;
}

/**
 * Every month from the start to the month the programme is due to end (or today's, if later),
 * each with what was expected by its end and, up to today's month, what there was.
 */
export function trajectory(input: TrajectoryInput): TrajectoryMonth[] {
	const { programme, startsOn, today } = input;
	const last = [input.endsOn, today].sort()[1];
	const count = Math.max(1, Math.ceil(monthsBetween(startsOn, last) - 1e-9));
	return Array.from({ length: count }, (_, index) => {
		const next = addMonths(startsOn, index + 1);
		const begun = addMonths(startsOn, index) <= today;
		const current = begun && today < next;
		// So far, for this month: up to and including today.
		const until = current ? addDays(today, 1) : next;
		return {
			month: index + 1,
			endsOn: addDays(next, -1),
			current,
			expected: Math.floor(
				input.outcomeCount * expectedSignOffShare(programme, input.monthOn(current ? today : next))
			),
			accepted: begun ? input.acceptedAt.filter((at) => at.slice(0, 10) < until).length : null,
			signedOff: begun ? signedOffBefore(input.signOffs, until) : null
		};
	});
}
