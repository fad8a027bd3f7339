import { error, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { getDb, type Db } from '../db';
import type { Role } from '../db/schema';
import { isCurrentSupervisor } from '../people/supervision';
import { getPerson } from '../people/users';
import { safeRedirectPath } from './redirect';
import type { SessionUser } from './session';
import { roleNames } from '$lib/format';

/** The signed-in person; anyone else is sent to sign in and brought back afterwards. */
export function requireUser(): SessionUser {
	const { locals, url } = getRequestEvent();
	if (!locals.user) {
		// The address asked for, made safe: a request for `//evil.example/` must not come back as
		// a link to another site.
		const back = safeRedirectPath(url.pathname + url.search);
		redirect(303, `/sign-in${back === '/' ? '' : `?redirectTo=${encodeURIComponent(back)}`}`);
	}
	return locals.user;
}

export const hasRole = (user: SessionUser, ...roles: Role[]) =>
	roles.some((role) => user.roles.includes(role));

/** The signed-in person holding at least one of the roles; 403 otherwise. */
export function requireRole(...roles: Role[]): SessionUser {
	const user = requireUser();
	if (!hasRole(user, ...roles)) {
		error(403, `This page is for ${roles.map((r) => roleNames[r].toLowerCase()).join(' or ')}s.`);
	}
	return user;
}

/**
 * Whether someone may see a practitioner's records: the practitioner themself, their current
 * supervisor, and principal social workers and administrators (everything in the authority).
 */
export async function canSeePractitioner(db: Db, viewer: SessionUser, practitionerId: string) {
	if (viewer.id === practitionerId || hasRole(viewer, 'psw', 'admin')) return true;
	return (
		hasRole(viewer, 'supervisor') && (await isCurrentSupervisor(db, viewer.id, practitionerId))
	);
}

/** The signed-in person, if they may see this practitioner's records; 403 otherwise. */
export async function requirePractitionerAccess(practitionerId: string) {
	const user = requireUser();
	if (!(await canSeePractitioner(getDb(), user, practitionerId)))
		error(403, 'You cannot see this person’s records.');
	return user;
}

/**
 * The signed-in person, if they may see this portfolio record. A draft is its author's alone:
 * until it is submitted nobody else sees it, not even a supervisor, principal social worker or
 * administrator. After that, whoever may see the practitioner's records may see it.
 */
export async function requireRecordAccess(record: { owner_id: string; status: string }) {
	const user = requireUser();
	if (record.status === 'draft' && user.id !== record.owner_id)
		error(403, 'This record is a draft: only its author can see it until it is submitted.');
	return requirePractitionerAccess(record.owner_id);
}

/** The signed-in supervisor, if they supervise this practitioner today; 403 otherwise. */
export async function requireSupervisorOf(practitionerId: string) {
	const user = requireRole('supervisor');
	if (!(await isCurrentSupervisor(getDb(), user.id, practitionerId))) {
		error(403, 'You do not supervise this person.');
	}
	return user;
}

/** The signed-in supervisor and the person they supervise today; 403 or 404 otherwise. */
export async function requireSupervisee(practitionerId: string) {
	const user = await requireSupervisorOf(practitionerId);
	const person = await getPerson(getDb(), practitionerId);
	if (!person) error(404, 'There is no such person.');
	return { user, person };
}
