import type { Db } from '../../db';
import { recordEvent } from '../../db/events';
import { dateOnly } from '../../db/time';
import { invitesByEmail, sendInvitation } from '../../auth/invitations';
import { assignRelationship, endRelationshipsFrom } from '../relationships';
import { createPerson, getPerson, setPersonActive, updatePerson } from '../users';
import type { StoredScimPerson } from './people';
import { ScimError } from './protocol';
import { appName, type ScimValues } from './values';

// Changing people as a SCIM client asks, through the same functions as the administrator's
// pages (so the same checks and the same event log), plus one `person.provisioned` event per
// request that changed anything, naming the token and anything asked that could not be done.
// Each step is those functions' own transaction, not one for the request: a directory repeats a
// request that failed, and the repeat changes only what is still different.
// TODO(issue 16): deactivating is `setPersonActive`, which is `deactivatePerson` (leavers.ts)
// once the import branch is merged: that one function handles every leaver alike.

/** Who is provisioning: the SCIM token's owner (an administrator), and the token. */
export interface Provisioner {
	userId: string;
	tokenId: string;
}

/** New people are practitioners; other roles are given in the app, never by SCIM. */
const newPeoplesRoles = ['practitioner'] as const;

async function refuseTakenEmail(db: Db, email: string, exceptId?: string) {
	let query = db.selectFrom('users').select('id').where('email', '=', email);
	if (exceptId) query = query.where('id', '!=', exceptId);
	if (await query.executeTakeFirst())
		throw new ScimError(409, `Someone already has the userName ${email}`, 'uniqueness');
}

/** The team a department names (in any case and spacing); undefined to leave it as it is. */
async function teamFor(db: Db, department: string | null | undefined, notes: string[]) {
	if (department === undefined || department === null) return department;
	const key = (name: string) => name.toLowerCase().replace(/\s+/g, ' ').trim();
	const teams = await db.selectFrom('teams').select(['id', 'name']).execute();
	const team = teams.find((t) => key(t.name) === key(department));
	if (!team) notes.push(`The department “${department}” is not a team here: the team is unchanged`);
	return team?.id;
}

/** Keeps what SCIM said that `users` has no column for; whether it changed. */
async function saveScimNames(db: Db, userId: string, values: ScimValues, was?: StoredScimPerson) {
	const kept = {
		external_id: values.externalId,
		given_name: values.givenName,
		family_name: values.familyName
	};
	if (
		was &&
		was.externalId === kept.external_id &&
		was.givenName === kept.given_name &&
		was.familyName === kept.family_name
	)
		return false;
	await db
		.insertInto('scim_people')
		.values({ user_id: userId, ...kept })
		.onConflict((oc) => oc.column('user_id').doUpdateSet(kept))
		.execute();
	return true;
}

/**
 * Makes the line manager the one SCIM names, from today, or ends today's; a manager who is not
 * an active supervisor here is noted and left out, so the rest of the request still happens.
 */
async function setLineManager(
	db: Db,
	by: Provisioner,
	personId: string,
	managerId: string | null,
	now: Date,
	notes: string[]
) {
	const today = dateOnly(now);
	if (managerId === null) {
		await endRelationshipsFrom(
			db,
			by.userId,
			{ kind: 'line-manager', practitionerId: personId, endsOn: today },
			now
		);
		return;
	}
	const manager = await getPerson(db, managerId);
	const problem = !manager
		? `nobody here has the id ${managerId}`
		: !manager.active
			? `${manager.name} has left`
			: !manager.roles.includes('supervisor')
				? `${manager.name} is not a supervisor here`
				: null;
	if (problem) {
		notes.push(`The manager is not their line manager: ${problem}`);
		return;
	}
	await assignRelationship(
		db,
		by.userId,
		{ kind: 'line-manager', holderId: managerId, practitionerId: personId, startsOn: today },
		now
	).catch((error: Error & { field?: string }) => {
		if (!error.field) throw error;
		notes.push(`The manager is not their line manager: ${error.message}`);
	});
}

async function recordProvisioning(
	db: Db,
	by: Provisioner,
	personId: string,
	operation: 'create' | 'replace' | 'patch' | 'delete',
	notes: string[],
	now: Date
) {
	await recordEvent(
		db,
		{
			actorId: by.userId,
			action: 'person.provisioned',
			subjectType: 'user',
			subjectId: personId,
			detail: { operation, tokenId: by.tokenId, ...(notes.length ? { notes } : {}) }
		},
		now
	);
}

/**
 * Someone new, as a practitioner in the team their department names, with their line manager;
 * invited to set a password unless people sign in by single sign-on. Returns their id.
 */
export async function createScimPerson(
	db: Db,
	by: Provisioner,
	values: ScimValues,
	origin: string,
	now = new Date()
) {
	const email = values.userName!;
	await refuseTakenEmail(db, email);
	const notes: string[] = [];
	const teamId = (await teamFor(db, values.department, notes)) ?? null;
	const input = { email, name: appName(values), roles: [...newPeoplesRoles], teamId };
	const id = await createPerson(
		db,
		by.userId,
		{ ...input, careerStage: null, sweNumber: null },
		now
	);
	await saveScimNames(db, id, values);
	if (values.managerId) await setLineManager(db, by, id, values.managerId, now, notes);
	if (!values.active) await setPersonActive(db, by.userId, id, false, now);
	await recordProvisioning(db, by, id, 'create', notes, now);
	if (values.active && invitesByEmail())
		await sendInvitation(db, { id, email, name: input.name }, origin);
	return id;
}

/** A person changed to the values a PUT or PATCH asked for; only what differs is changed. */
export async function updateScimPerson(
	db: Db,
	by: Provisioner,
	person: StoredScimPerson,
	values: ScimValues,
	operation: 'replace' | 'patch',
	now = new Date()
) {
	const email = values.userName!;
	const name = appName(values);
	if (email !== person.email) await refuseTakenEmail(db, email, person.id);
	const notes: string[] = [];
	let changed = false;
	if (values.active && !person.active) {
		await setPersonActive(db, by.userId, person.id, true, now);
		changed = true;
	}
	const team = await teamFor(db, values.department, notes);
	const teamId = team === undefined ? person.teamId : team;
	if (email !== person.email || name !== person.name || teamId !== person.teamId) {
		const stored = (await getPerson(db, person.id))!;
		await updatePerson(db, by.userId, person.id, {
			email,
			name,
			roles: stored.roles,
			teamId,
			careerStage: stored.career_stage,
			sweNumber: stored.swe_number
		});
		changed = true;
	}
	if (await saveScimNames(db, person.id, values, person)) changed = true;
	if (values.managerId !== undefined && values.managerId !== (person.manager?.id ?? null)) {
		await setLineManager(db, by, person.id, values.managerId, now, notes);
		changed = true;
	}
	if (!values.active && person.active) {
		await setPersonActive(db, by.userId, person.id, false, now);
		changed = true;
	}
	if (changed || notes.length) await recordProvisioning(db, by, person.id, operation, notes, now);
}

/** DELETE: the person is deactivated, never deleted; their records stay. */
export async function deactivateScimPerson(
	db: Db,
	by: Provisioner,
	person: StoredScimPerson,
	now = new Date()
) {
	if (!person.active) return;
	await setPersonActive(db, by.userId, person.id, false, now);
	await recordProvisioning(db, by, person.id, 'delete', [], now);
}
