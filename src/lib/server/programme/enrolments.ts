import type { Selectable } from 'kysely';
import type { Db } from '../db';
import { anyOf, type Ids } from '../db/any-of';
import { prepared } from '../db/prepared';
import type { EnrolmentsTable } from '../db/schema';
import type { Extension, HoursChange, Pause } from './calendar';
import { programmeMonth } from './month';

export type Enrolment = Selectable<EnrolmentsTable>;

/** Each person's programme (ASYE and so on) with the month they are in today. */
export async function programmes(db: Db, userIds: string[], today: string) {
	const active = await activeEnrolmentsOf(db, userIds);
	return new Map([...active].map(([userId, e]) => [userId, programmeToday(e, today)]));
}

/** An enrolment's programme and the month of it someone is in today. */
export const programmeToday = (e: Pick<Enrolment, 'programme' | 'starts_on'>, today: string) => ({
	programme: e.programme,
	month: programmeMonth(e.starts_on, today),
	startsOn: e.starts_on
});

/** Each person's active enrolment (the latest to start, if on more than one), in one query. */
export async function activeEnrolmentsOf(db: Db, userIds: string[]) {
	if (userIds.length === 0) return new Map<string, Enrolment>();
	const rows = await activeEnrolmentsQuery(db, userIds);
	// In order of starting, so each person's latest is the one kept.
	return new Map(rows.map((row) => [row.user_id, row]));
}

/** Asked on every page that shows a programme or a schedule, so built once. */
const activeEnrolmentsQuery = prepared((db, userIds: readonly string[]) =>
	db
		.selectFrom('enrolments')
		.selectAll()
		.where('user_id', 'in', userIds)
		.where('status', '=', 'active')
		.orderBy('starts_on')
);

/** A person's active enrolment (the latest to start, if on more than one programme). */
export async function activeEnrolmentOf(db: Db, userId: string) {
	return (await activeEnrolmentsOf(db, [userId])).get(userId);
}

/** Every enrolment a person has had, the latest to start first, active or ended. */
export function enrolmentsOf(db: Db, userId: string) {
	return db
		.selectFrom('enrolments')
		.selectAll()
		.where('user_id', '=', userId)
		.orderBy('starts_on', 'desc')
		.orderBy('created_at', 'desc')
		.execute();
}

/** What changes enrolments' calendars (extensions, hours, pauses), each a range of an index. */
export const calendarInputQueries = {
	extensions: (db: Db, ids: Ids) =>
		db
			.selectFrom('enrolment_extensions')
			.select(['enrolment_id', 'months', 'reason', 'created_at'])
			.where(anyOf(db, 'enrolment_id', ids))
			.orderBy('created_at'),
	hours: (db: Db, ids: Ids) =>
		db
			.selectFrom('enrolment_hours')
			.select(['enrolment_id', 'from_on', 'fte_percent'])
			.where(anyOf(db, 'enrolment_id', ids))
			.orderBy('from_on'),
	pauses: (db: Db, ids: Ids) =>
		db
			.selectFrom('enrolment_pauses')
			.select(['enrolment_id', 'starts_on', 'ends_on'])
			.where(anyOf(db, 'enrolment_id', ids))
			.orderBy('starts_on')
};

// Asked on every page that shows a schedule: built once.
const extensionsOf = prepared(calendarInputQueries.extensions);
const hoursOf = prepared(calendarInputQueries.hours);
const pausesOf = prepared(calendarInputQueries.pauses);

export interface CalendarInputs {
	extensions: (Extension & { created_at: string })[];
	hours: HoursChange[];
	pauses: Pause[];
}

/**
 * The extensions, changes of hours and pauses of some enrolments (a list of ids, or a query that
 * selects them), for their calendars: a lookup that gives each enrolment's, none for one with none.
 */
export async function calendarInputs(db: Db, enrolmentIds: Ids) {
	const [extensions, hours, pauses] = await Promise.all([
		extensionsOf(db, enrolmentIds),
		hoursOf(db, enrolmentIds),
		pausesOf(db, enrolmentIds)
	]);
	const inputs = new Map<string, CalendarInputs>();
	const none = (): CalendarInputs => ({ extensions: [], hours: [], pauses: [] });
	const of = (id: string) => {
		let input = inputs.get(id);
		if (!input) inputs.set(id, (input = none()));
		return input;
	};
	for (const { enrolment_id, ...e } of extensions) of(enrolment_id).extensions.push(e);
	for (const h of hours)
		of(h.enrolment_id).hours.push({ fromOn: h.from_on, fte: h.fte_percent / 100 });
	for (const p of pauses)
		of(p.enrolment_id).pauses.push({ startsOn: p.starts_on, endsOn: p.ends_on });
	return (id: string): CalendarInputs => inputs.get(id) ?? none();
}
