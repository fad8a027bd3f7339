import { groupedBy } from '$lib/grouped';
import type { Db } from '../db';
import { anyOf, type Ids } from '../db/any-of';
import { prepared } from '../db/prepared';
import { dateOnly } from '../db/time';
import { currentRelationships, type RelationshipKind } from '../people/relationships';
import { programmeDefinition } from '../programme';
import type { Programme } from '../programme/definition';
import {
	activeEnrolmentOf,
	activeEnrolmentsOf,
	calendarInputs,
	type CalendarInputs,
	type Enrolment
} from '../programme/enrolments';
import { keptCalendar } from '../programme/kept-calendars';
import { scheduleSummary, sessionStates } from '../programme/supervision-calendar';

// Whether supervision keeps time: each practitioner's sessions from their programme's plan
// (`programme/supervision-calendar.ts`), met by the supervision records held. Every record of
// theirs counts, whoever of their supervisors wrote it.

export type HeldRecord = { id: string; heldOn: string };

/**
 * Supervision records held with each of these practitioners (a list of ids, or a query that
 * selects them), for their schedules: a lookup that gives each one's, none for one with none.
 */
export async function heldRecordsOf(db: Db, practitionerIds: Ids) {
	const rows =
		!Array.isArray(practitionerIds) || practitionerIds.length
			? await heldRecordsQuery(db, practitionerIds)
			: [];
	const held = groupedBy(rows, (r) => r.practitioner_id);
	return (id: string): HeldRecord[] => held(id).map((r) => ({ id: r.id, heldOn: r.held_on }));
}

/** Asked on every page that shows a schedule, so built once. */
const heldRecordsQuery = prepared((db, practitionerIds: Ids) =>
	db
		.selectFrom('supervision_records')
		.select(['id', 'practitioner_id', 'held_on'])
		.where(anyOf(db, 'practitioner_id', practitionerIds))
);

/** An enrolment's sessions, each with its state today, and what they come to. */
export function scheduleOf(
	programme: Programme,
	enrolment: { starts_on: string; fte_percent: number },
	inputs: CalendarInputs,
	held: HeldRecord[],
	today: string
) {
	const sessions = keptCalendar(programme, enrolment, inputs, today).sessions ?? [];
	const states = sessionStates(sessions, enrolment.starts_on, held, today);
	return { sessions: states, ...scheduleSummary(states) };
}

export type Schedule = ReturnType<typeof scheduleOf>;

/**
 * The supervision schedules of these practitioners today, for those on a programme (their
 * latest active enrolment) whose content plans supervision; others have none.
 */
export async function supervisionSchedules(db: Db, practitionerIds: string[], today = dateOnly()) {
	const schedules = new Map<string, Schedule>();
	if (practitionerIds.length === 0) return schedules;
	const latest = await activeEnrolmentsOf(db, practitionerIds);
	const inputs = await calendarInputs(
		db,
		[...latest.values()].map((e) => e.id)
	);
	const held = await heldRecordsOf(db, practitionerIds);
	for (const [userId, enrolment] of latest) {
		const programme = programmeDefinition(enrolment.programme);
		if (!programme?.supervision) continue;
		const schedule = scheduleOf(programme, enrolment, inputs(enrolment.id), held(userId), today);
		schedules.set(userId, schedule);
	}
	return schedules;
}

/** A practitioner's supervision schedule today, if they have one. */
export async function supervisionScheduleOf(db: Db, practitionerId: string, today = dateOnly()) {
	const enrolment = await activeEnrolmentOf(db, practitionerId);
	return enrolment ? enrolmentSchedule(db, practitionerId, enrolment, today) : null;
}

/**
 * The supervision schedule today of a practitioner's active enrolment (`activeEnrolmentOf`), read
 * already; none if its programme plans no supervision.
 */
export async function enrolmentSchedule(
	db: Db,
	practitionerId: string,
	enrolment: Enrolment,
	today = dateOnly()
) {
	const programme = programmeDefinition(enrolment.programme);
	if (!programme?.supervision) return null;
	const [inputs, held] = await Promise.all([
		calendarInputs(db, [enrolment.id]),
		heldRecordsOf(db, [practitionerId])
	]);
	return scheduleOf(programme, enrolment, inputs(enrolment.id), held(practitionerId), today);
}

/**
 * Whether someone keeps a practitioner's supervision schedule: their practice supervisor does,
 * or their line manager when they have no practice supervisor. The schedule's due and overdue
 * sessions are on that person's home page.
 */
export async function keepsSchedule(
	db: Db,
	holderId: string,
	practitionerId: string,
	today = dateOnly()
) {
	const current = await currentRelationships(db, practitionerId, today);
	const holderOf = (kind: RelationshipKind) => current.find((r) => r.kind === kind)?.holderId;
	return (holderOf('practice-supervisor') ?? holderOf('line-manager')) === holderId;
}
