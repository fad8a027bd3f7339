import { batches } from './batches';
import type { Db } from './index';
import { newId } from './ids';
import { timestamp } from './time';

export interface EventInput {
	actorId: string | null;
	action: string;
	subjectType: string;
	subjectId: string;
	detail?: Record<string, unknown>;
}

/** Appends to the event log: who did what to which record, and when. */
export async function recordEvent(db: Db, event: EventInput, now = new Date()) {
	await recordEvents(db, [event], now);
}

/** Appends several entries at once, in few statements (an import's hundreds of people). */
export async function recordEvents(db: Db, events: EventInput[], now = new Date()) {
	for (const group of batches(events))
		await db
			.insertInto('events')
			.values(
				group.map((event) => ({
					id: newId(),
					at: timestamp(now),
					actor_id: event.actorId,
					action: event.action,
					subject_type: event.subjectType,
					subject_id: event.subjectId,
					detail: event.detail ? JSON.stringify(event.detail) : null
				}))
			)
			.execute();
}

export function eventsFor(db: Db, subjectType: string, subjectId: string) {
	return db
		.selectFrom('events')
		.leftJoin('users', 'users.id', 'events.actor_id')
		.select(['events.id', 'events.at', 'events.action', 'events.detail', 'users.name as actorName'])
		.where('subject_type', '=', subjectType)
		.where('subject_id', '=', subjectId)
		.orderBy('events.at', 'desc')
		.execute();
}
