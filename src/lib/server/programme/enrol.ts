import { inTransaction, type Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { isUniqueViolation } from '../db/unique';
import { timestamp } from '../db/time';
import { FieldError } from '../errors';
import { assignAssessor } from './assessor';
import { programmeDefinition } from '.';

export interface EnrolInput {
	personId: string;
	programme: string;
	startsOn: string;
	/** Working hours at the start, as a whole percentage of full time. */
	ftePercent: number;
	assessorId: string;
}

/**
 * Someone is already on the programme (one active enrolment per person per programme): a
 * conflict with what is stored, so a 409.
 */
export const alreadyEnrolled = (name: string, programme: string) =>
	new FieldError('programme', `${name} is already on the ${programme}`, 409);

export const hoursPercentMessage =
	'Enter working hours as a whole percentage of full time from 10 to 100, like 60';

/** Working hours as people may set them: a whole percentage of full time from 10 to 100. */
export function checkHoursPercent(percent: number, field: string) {
	if (!Number.isInteger(percent) || percent < 10 || percent > 100)
		throw new FieldError(field, hoursPercentMessage);
}

/**
 * Enrols a practitioner on a programme from content, with their hours and their assessor, as
 * one unit of work. A second active enrolment on the same programme is refused: here, and by
 * the database's partial unique index when two requests race past this check.
 */
export async function enrol(db: Db, actorId: string, input: EnrolInput, now = new Date()) {
	const programme = programmeDefinition(input.programme);
	if (!programme) throw new FieldError('programme', 'Choose a programme');
	checkHoursPercent(input.ftePercent, 'ftePercent');
	const person = await db
		.selectFrom('users')
		.innerJoin('user_roles', 'user_roles.user_id', 'users.id')
		.select(['users.id', 'users.name'])
		.where('users.id', '=', input.personId)
		.where('users.active', '=', 1)
		.where('user_roles.role', '=', 'practitioner')
		.executeTakeFirst();
	if (!person)
		throw new FieldError('personId', 'Only an active practitioner can be enrolled on a programme');
	const id = newId();
	try {
		await inTransaction(db, async (tx) => {
			const active = await tx
				.selectFrom('enrolments')
				.select('id')
				.where('user_id', '=', person.id)
				.where('programme', '=', programme.id)
				.where('status', '=', 'active')
				.executeTakeFirst();
			if (active) throw alreadyEnrolled(person.name, programme.title);
			await tx
				.insertInto('enrolments')
				.values({
					id,
					user_id: person.id,
					programme: programme.id,
					starts_on: input.startsOn,
					fte_percent: input.ftePercent,
					created_at: timestamp(now)
				})
				.execute();
			await assignAssessor(tx, actorId, {
				assessorId: input.assessorId,
				practitionerId: person.id,
				startsOn: input.startsOn
			});
			await recordEvent(
				tx,
				{
					actorId,
					action: 'programme.enrolled',
					subjectType: 'enrolment',
					subjectId: id,
					detail: { ...input, assessor: await nameOf(tx, input.assessorId) }
				},
				now
			);
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw alreadyEnrolled(person.name, programme.title);
		throw e;
	}
	return id;
}

/** A person's name, kept in the event log so its history reads the same later. */
export async function nameOf(db: Db, id: string) {
	const row = await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst();
	return row?.name ?? null;
}
