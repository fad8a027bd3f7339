import type { Db } from '../db';
import { roles, type Role } from '../db/schema';
import { addDays, dateOnly } from '../db/time';
import { FieldError } from '../errors';
import {
	assignRelationship,
	currentRelationships,
	endRelationshipsFrom,
	holderOf,
	relationshipHistory
} from '../people/relationships';

// Who assesses a practitioner on their programme: their relationship of kind 'assessor'
// (`people/relationships.ts`). Every read and write of the assessor on a programme goes through
// this module.

/**
 * The roles that may assess: supervisors, and external assessors once that role exists. By the
 * list of roles, so the external assessor counts from the moment it is added.
 */
export const assessorRoles = (roles as readonly string[]).filter((role) =>
	['supervisor', 'external-assessor'].includes(role)
) as Role[];

/** Everyone who may be chosen as an assessor, by name. */
export function assessorChoices(db: Db) {
	return db
		.selectFrom('users')
		.innerJoin('user_roles', 'user_roles.user_id', 'users.id')
		.select(['users.id', 'users.name', 'users.email'])
		.distinct()
		.where('user_roles.role', 'in', assessorRoles)
		.where('users.active', '=', 1)
		.orderBy('users.name')
		.execute();
}

/** Refuses anyone who may not assess, by the field the choice came from. */
export async function checkAssessor(db: Db, id: string, field: string) {
	const found = (await assessorChoices(db)).some((p) => p.id === id);
	if (!found) throw new FieldError(field, 'Choose an assessor from the list');
}

/**
 * Makes someone a practitioner's assessor from a date (in the caller's transaction). Choosing
 * the assessor they already have changes nothing.
 */
export async function assignAssessor(
	tx: Db,
	actorId: string | null,
	input: { assessorId: string; practitionerId: string; startsOn: string },
	field = 'assessorId'
) {
	await checkAssessor(tx, input.assessorId, field);
	const current = (await currentRelationships(tx, input.practitionerId, input.startsOn)).find(
		(r) => r.kind === 'assessor'
	);
	// One set to end (with an earlier enrolment) is assigned afresh, so it goes on.
	if (current?.holderId === input.assessorId && current.ends_on === null) return;
	try {
		await assignRelationship(tx, actorId, {
			kind: 'assessor',
			holderId: input.assessorId,
			practitionerId: input.practitionerId,
			startsOn: input.startsOn
		});
	} catch (e) {
		// Relationships name their own fields; the form names this one.
		if (e instanceof FieldError) throw new FieldError(field, e.message);
		throw e;
	}
}

/** A practitioner's assessor on a day (today unless told), if they have one. */
export function currentAssessor(db: Db, practitionerId: string, on = dateOnly()) {
	return holderOf(db, practitionerId, 'assessor', on);
}

/**
 * The assessor goes with the programme: when an enrolment ends, so does the assessor
 * relationship, the same day (in the caller's transaction), unless the person is still on
 * another programme that needs it.
 */
export async function endAssessorWith(
	tx: Db,
	actorId: string,
	enrolment: { id: string; user_id: string },
	endsOn: string
) {
	const other = await tx
		.selectFrom('enrolments')
		.select('id')
		.where('user_id', '=', enrolment.user_id)
		.where('status', '=', 'active')
		.where('id', '<>', enrolment.id)
		.executeTakeFirst();
	if (other) return;
	await endRelationshipsFrom(tx, actorId, {
		kind: 'assessor',
		practitionerId: enrolment.user_id,
		endsOn
	});
}

/**
 * The assessor of an enrolment: today's; before it starts, the one who starts with it; once it
 * has ended, the last one.
 */
export function enrolmentAssessor(
	db: Db,
	enrolment: { user_id: string; starts_on: string; ended_on: string | null },
	today = dateOnly()
) {
	const last = enrolment.ended_on && addDays(enrolment.ended_on, -1);
	const on = [today, last ?? today].sort()[0];
	return currentAssessor(
		db,
		enrolment.user_id,
		on < enrolment.starts_on ? enrolment.starts_on : on
	);
}

/** A practitioner's assessors over time, newest first. */
export async function assessorHistory(db: Db, practitionerId: string) {
	return (await relationshipHistory(db, practitionerId))
		.filter((r) => r.kind === 'assessor')
		.map((r) => ({ id: r.id, startsOn: r.starts_on, endsOn: r.ends_on, name: r.holderName }));
}
