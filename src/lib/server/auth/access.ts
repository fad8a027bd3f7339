import { error, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { getDb, type Db } from '../db';
import type { RelationshipKind, Role } from '../db/schema';
import { holds, kindsHeld, kindsHeldBy, relationshipKinds } from '../people/relationships';
import { findPerson } from '../people/users';
import { keepsPortfolio } from '../portfolio/owner';
import { safeRedirectPath } from './redirect';
import type { SessionUser } from './session';
import { relationshipNames, roleNames } from '$lib/format';

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

/**
 * The signed-in person, unless they are only an external assessor: someone from outside the
 * authority sees the practitioners they assess and nothing else of it; 403 for them.
 */
export function requireStaff(): SessionUser {
	const user = requireUser();
	if (user.roles.length > 0 && user.roles.every((role) => role === 'external-assessor'))
		error(403, 'External assessors see only the practitioners they assess.');
	return user;
}

/** The signed-in person holding at least one of the roles; 403 otherwise. */
export function requireRole(...roles: Role[]): SessionUser {
	const user = requireUser();
	if (!hasRole(user, ...roles)) {
		error(403, `This page is for ${roles.map((r) => roleNames[r].toLowerCase()).join(' or ')}s.`);
	}
	return user;
}

/**
 * The signed-in person, if they keep records here: a practitioner, or anyone with a registration
 * number (`keepsPortfolio`); 403 otherwise. It lets them reach their own records only: each route
 * still checks a record's owner.
 */
export async function requirePortfolioOwner(): Promise<SessionUser> {
	const user = requireUser();
	if (!keepsPortfolio(user))
		error(
			403,
			'This page is for practitioners, and for anyone with a Social Work England registration number on their account to record their CPD. An administrator can add your registration number.'
		);
	return user;
}

/**
 * Whether someone holds one of these relationships to a practitioner today, counting only the
 * kinds their roles let them hold (an external assessor assesses, nothing more).
 */
export function holdsRelationship(
	db: Db,
	viewer: SessionUser,
	practitionerId: string,
	kinds: readonly RelationshipKind[] = relationshipKinds
) {
	const allowed = kindsHeldBy(viewer.roles).filter((kind) => kinds.includes(kind));
	return holds(db, viewer.id, practitionerId, allowed);
}

/**
 * The relationships someone holds to a practitioner today, of the kinds their roles let them hold:
 * what a page shows them (supervising, assessing) asked once.
 */
export function relationshipsHeld(db: Db, viewer: SessionUser, practitionerId: string) {
	return kindsHeld(db, viewer.id, practitionerId, kindsHeldBy(viewer.roles));
}

/**
 * Whether someone may see a practitioner's records: the practitioner themself, anyone holding a
 * current relationship to them (line manager, practice supervisor, assessor), and principal
 * social workers and administrators (everything in the authority).
 */
export async function canSeePractitioner(db: Db, viewer: SessionUser, practitionerId: string) {
	if (viewer.id === practitionerId || hasRole(viewer, 'psw', 'admin')) return true;
	return holdsRelationship(db, viewer, practitionerId);
}

/**
 * Whether someone may take a practitioner's whole portfolio away, as a PDF or an export: the
 * practitioner, whoever holds a relationship to them today (line manager, practice supervisor,
 * assessor), and administrators. Principal social workers read it but do not download it.
 */
export async function canDownloadPortfolio(db: Db, viewer: SessionUser, practitionerId: string) {
	if (viewer.id === practitionerId || hasRole(viewer, 'admin')) return true;
	return holdsRelationship(db, viewer, practitionerId);
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

/** Why someone without these relationships is refused. */
const refusal = (kinds: readonly RelationshipKind[]) =>
	kinds.length === relationshipKinds.length
		? 'You do not supervise or assess this person.'
		: `You are not this person’s ${kinds.map((k) => relationshipNames[k].toLowerCase()).join(' or ')}.`;

/**
 * The signed-in supervisor or external assessor, if they hold one of these relationships to the
 * practitioner today (any, unless told), with every relationship they hold to them; 403 otherwise.
 */
async function relationshipsRequired(practitionerId: string, kinds: readonly RelationshipKind[]) {
	const user = requireRole('supervisor', 'external-assessor');
	const held = await relationshipsHeld(getDb(), user, practitionerId);
	if (!held.some((kind) => kinds.includes(kind))) error(403, refusal(kinds));
	return { user, held };
}

/**
 * The signed-in supervisor or external assessor, if they hold one of these relationships to the
 * practitioner today (any, unless told); 403 otherwise.
 */
export async function requireRelationship(
	practitionerId: string,
	kinds: readonly RelationshipKind[] = relationshipKinds
) {
	return (await relationshipsRequired(practitionerId, kinds)).user;
}

/**
 * As `requireRelationship`, with the person and the relationships held to them (`held`); 404 if
 * there is no such person.
 */
export async function requirePractitionerOf(
	practitionerId: string,
	kinds: readonly RelationshipKind[] = relationshipKinds
) {
	const { user, held } = await relationshipsRequired(practitionerId, kinds);
	const person = await findPerson(getDb(), practitionerId);
	if (!person) error(404, 'There is no such person.');
	return { user, person, held };
}
