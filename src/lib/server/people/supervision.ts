import type { Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { dateOnly, timestamp } from '../db/time';
import { FieldError } from '../errors';
import { checkActivePerson, checkRoleHolder } from './references';

/** A supervision is current on a day when it has started and not yet ended. */
export function isCurrent(s: { starts_on: string; ends_on: string | null }, today = dateOnly()) {
	return s.starts_on <= today && (s.ends_on === null || s.ends_on > today);
}

/**
 * Assigns a supervisor from a date. A practitioner has one supervisor at a time, so the
 * current assignment (if any) ends the day the new one starts; history is kept.
 */
export async function assignSupervisor(
	db: Db,
	actorId: string | null,
	input: { supervisorId: string; superviseeId: string; startsOn: string },
	now = new Date()
) {
	if (input.supervisorId === input.superviseeId)
		throw new FieldError('superviseeId', 'A person cannot supervise themselves');
	const id = newId();
	await db.transaction().execute(async (tx) => {
		await checkActivePerson(
			tx,
			input.superviseeId,
			'superviseeId',
			'Choose the person to be supervised from the list'
		);
		await checkRoleHolder(
			tx,
			input.supervisorId,
			'supervisor',
			'supervisorId',
			'Choose a supervisor from the list'
		);
		const open = await tx
			.selectFrom('supervisions')
			.selectAll()
			.where('supervisee_id', '=', input.superviseeId)
			.where('ends_on', 'is', null)
			.execute();
		for (const current of open) {
			if (current.supervisor_id === input.supervisorId) {
				throw new FieldError('superviseeId', 'This person is already their supervisor');
			}
			if (current.starts_on >= input.startsOn) {
				throw new FieldError(
					'superviseeId',
					`The current supervision started on ${current.starts_on}; the new one must start after it`
				);
			}
			await tx
				.updateTable('supervisions')
				.set({ ends_on: input.startsOn })
				.where('id', '=', current.id)
				.execute();
		}
		await tx
			.insertInto('supervisions')
			.values({
				id,
				supervisor_id: input.supervisorId,
				supervisee_id: input.superviseeId,
				starts_on: input.startsOn,
				ends_on: null,
				created_by: actorId,
				created_at: timestamp(now)
			})
			.execute();
		await recordEvent(
			tx,
			{
				actorId,
				action: 'supervision.assigned',
				subjectType: 'user',
				subjectId: input.superviseeId,
				detail: input
			},
			now
		);
	});
	return id;
}

export async function endSupervision(db: Db, actorId: string, id: string, endsOn: string) {
	await db.transaction().execute(async (tx) => {
		const row = await tx
			.selectFrom('supervisions')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirst();
		if (!row) throw new FieldError('end', 'There is no such supervision');
		if (row.ends_on !== null) throw new FieldError('end', 'This supervision has already ended');
		if (endsOn <= row.starts_on)
			throw new FieldError('end', 'The end date must be after the start date');
		await tx.updateTable('supervisions').set({ ends_on: endsOn }).where('id', '=', id).execute();
		await recordEvent(tx, {
			actorId,
			action: 'supervision.ended',
			subjectType: 'user',
			subjectId: row.supervisee_id,
			detail: { id, endsOn }
		});
	});
}

/** Every supervision, current first, with both names. */
export function listSupervisions(db: Db) {
	return db
		.selectFrom('supervisions')
		.innerJoin('users as supervisor', 'supervisor.id', 'supervisions.supervisor_id')
		.innerJoin('users as supervisee', 'supervisee.id', 'supervisions.supervisee_id')
		.select([
			'supervisions.id',
			'supervisions.starts_on',
			'supervisions.ends_on',
			'supervisor.name as supervisorName',
			'supervisee.name as superviseeName',
			'supervisee.id as superviseeId'
		])
		.orderBy('supervisions.ends_on', 'desc')
		.orderBy('supervisee.name')
		.execute();
}

/** Supervisions current on a day: begun, and not yet ended. */
export function currentSupervisions(db: Db, today: string) {
	return db
		.selectFrom('supervisions')
		.where('supervisions.starts_on', '<=', today)
		.where((eb) =>
			eb.or([eb('supervisions.ends_on', 'is', null), eb('supervisions.ends_on', '>', today)])
		);
}

/** The people someone supervises today. */
export function currentSupervisees(db: Db, supervisorId: string, today = dateOnly()) {
	return currentSupervisions(db, today)
		.innerJoin('users', 'users.id', 'supervisions.supervisee_id')
		.select([
			'users.id',
			'users.name',
			'users.email',
			'users.career_stage',
			'supervisions.starts_on'
		])
		.where('supervisions.supervisor_id', '=', supervisorId)
		.where('supervisions.starts_on', '<=', today)
		.where((eb) =>
			eb.or([eb('supervisions.ends_on', 'is', null), eb('supervisions.ends_on', '>', today)])
		)
		.where('users.active', '=', 1)
		.orderBy('users.name')
		.execute();
}

/** Whether one person supervises another today. */
export async function isCurrentSupervisor(
	db: Db,
	supervisorId: string,
	superviseeId: string,
	today = dateOnly()
) {
	const row = await currentSupervisions(db, today)
		.select('supervisions.id')
		.where('supervisor_id', '=', supervisorId)
		.where('supervisee_id', '=', superviseeId)
		.executeTakeFirst();
	return row !== undefined;
}

/** Who supervises someone today, if anyone. */
export function currentSupervisor(db: Db, superviseeId: string, today = dateOnly()) {
	return currentSupervisions(db, today)
		.innerJoin('users', 'users.id', 'supervisions.supervisor_id')
		.select(['users.id', 'users.name', 'users.email'])
		.where('supervisee_id', '=', superviseeId)
		.executeTakeFirst();
}

/** A practitioner's supervisors over time, newest first. */
export function supervisionHistory(db: Db, superviseeId: string) {
	return db
		.selectFrom('supervisions')
		.innerJoin('users', 'users.id', 'supervisions.supervisor_id')
		.select([
			'supervisions.id',
			'supervisions.starts_on',
			'supervisions.ends_on',
			'users.name as supervisorName'
		])
		.where('supervisee_id', '=', superviseeId)
		.orderBy('starts_on', 'desc')
		.execute();
}
