import type { Db } from '../db';
import { dateOnly } from '../db/time';
import { FieldError } from '../errors';
import { holderOf } from '../people/relationships';
import type { InvitationInput } from './invitations';

export type InvitedObserver =
	{ id: string; name: string; email: string } | { id: null; name: string; email: string };

/**
 * Who an invitation goes to: the practitioner's assessor today; a colleague, someone else with
 * an active account in the authority, found by their email; or someone from outside, as given.
 */
export async function findObserver(
	db: Db,
	practitionerId: string,
	input: Pick<InvitationInput, 'observer' | 'observerEmail' | 'observerName'>,
	now = new Date()
): Promise<InvitedObserver> {
	if (input.observer === 'external')
		return { id: null, name: input.observerName, email: input.observerEmail };
	if (input.observer === 'assessor') {
		const assessor = await holderOf(db, practitionerId, 'assessor', dateOnly(now));
		if (!assessor)
			throw new FieldError(
				'observer',
				'You have no assessor at the moment: invite a colleague, or someone from outside'
			);
		return assessor;
	}
	return findColleague(db, practitionerId, input.observerEmail);
}

async function findColleague(db: Db, practitionerId: string, email: string) {
	const person = await db
		.selectFrom('users')
		.select(['id', 'name', 'email'])
		.where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
		.where('active', '=', 1)
		.executeTakeFirst();
	if (!person)
		throw new FieldError(
			'observerEmail',
			'Nobody in the authority has this email address: check it, or invite them as someone from outside'
		);
	if (person.id === practitionerId)
		throw new FieldError('observerEmail', 'Enter a colleague’s email address, not your own');
	const roles = await db
		.selectFrom('user_roles')
		.select('role')
		.where('user_id', '=', person.id)
		.execute();
	if (roles.length > 0 && roles.every((r) => r.role === 'external-assessor'))
		throw new FieldError(
			'observerEmail',
			'They assess from outside the authority: invite them as someone from outside'
		);
	return person;
}
