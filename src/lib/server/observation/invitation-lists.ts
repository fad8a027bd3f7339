import { byIsoDate } from '../db/time';
import type { Db } from '../db';

// Invitations to observe, as each person sees them: the practitioner all of theirs, an observer
// with an account those still open to them, and the invitation's own page one.

/** A practitioner's invitations: open ones first, soonest first; then the rest, latest first. */
export async function invitationsOf(db: Db, practitionerId: string) {
	const rows = await db
		.selectFrom('observation_invitations')
		.leftJoin('users', 'users.id', 'observation_invitations.observer_id')
		.select((eb) => [
			'observation_invitations.id',
			'observation_invitations.observer',
			eb.fn
				.coalesce('users.name', 'observation_invitations.observer_name')
				.$notNull()
				.as('observerName'),
			'observation_invitations.planned_on',
			'observation_invitations.setting',
			'observation_invitations.status',
			'observation_invitations.evidence_id',
			'observation_invitations.created_at',
			'observation_invitations.closed_at'
		])
		.where('observation_invitations.practitioner_id', '=', practitionerId)
		.orderBy('observation_invitations.created_at', 'desc')
		.orderBy('observation_invitations.id')
		.execute();
	const open = rows.filter((r) => r.status === 'open');
	const closed = rows.filter((r) => r.status !== 'open');
	open.sort((a, b) => byIsoDate(a.planned_on, b.planned_on));
	closed.sort((a, b) => byIsoDate(b.closed_at ?? '', a.closed_at ?? ''));
	return [...open, ...closed];
}

/** The invitations still open to someone with an account, soonest first, for their home page. */
export function invitationsToObserve(db: Db, observerId: string) {
	return db
		.selectFrom('observation_invitations')
		.innerJoin('users', 'users.id', 'observation_invitations.practitioner_id')
		.select([
			'observation_invitations.id',
			'observation_invitations.planned_on',
			'observation_invitations.setting',
			'users.name as practitionerName'
		])
		.where('observation_invitations.observer_id', '=', observerId)
		.where('observation_invitations.status', '=', 'open')
		.orderBy('observation_invitations.planned_on')
		.orderBy('observation_invitations.id')
		.execute();
}

/** One invitation with the practitioner's name and the observer's. */
export function findInvitation(db: Db, id: string) {
	return db
		.selectFrom('observation_invitations')
		.innerJoin(
			'users as practitioner',
			'practitioner.id',
			'observation_invitations.practitioner_id'
		)
		.leftJoin('users as observer', 'observer.id', 'observation_invitations.observer_id')
		.selectAll('observation_invitations')
		.select((eb) => [
			'practitioner.name as practitionerName',
			eb.fn
				.coalesce('observer.name', 'observation_invitations.observer_name')
				.$notNull()
				.as('observerName')
		])
		.where('observation_invitations.id', '=', id)
		.executeTakeFirst();
}
