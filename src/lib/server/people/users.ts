import { inTransaction, type Db } from '../db';
import { batches, insertRows } from '../db/batches';
import { recordEvent, recordEvents } from '../db/events';
import { newId } from '../db/ids';
import { prepared } from '../db/prepared';
import { rolesInOrder, type CareerStage, type Role } from '../db/schema';
import { timestamp } from '../db/time';
import { FieldError } from '../errors';
import { deactivatePerson } from './leavers';
import { checkTeam } from './references';

export interface PersonInput {
	email: string;
	name: string;
	roles: Role[];
	teamId: string | null;
	careerStage: CareerStage | null;
	sweNumber: string | null;
}

/** Refuses an email address that someone else (not `exceptId`) already has. */
async function checkEmailFree(db: Db, email: string, exceptId?: string) {
	let query = db.selectFrom('users').select('id').where('email', '=', email);
	if (exceptId) query = query.where('id', '!=', exceptId);
	if (await query.executeTakeFirst())
		throw new FieldError('email', 'Someone already has this email address');
}

/** Creates a person without a password: they set one through their invitation link. */
export async function createPerson(
	db: Db,
	actorId: string | null,
	input: PersonInput,
	now = new Date()
) {
	const [id] = await createPeople(db, actorId, [input], now);
	return id;
}

/**
 * Creates people without passwords, in few statements however many (an import from HR), in the
 * caller's transaction if given one; refused as `createPerson` refuses one. Returns their ids.
 */
export async function createPeople(
	db: Db,
	actorId: string | null,
	inputs: PersonInput[],
	now = new Date()
) {
	const people = inputs.map((input) => ({ ...input, id: newId() }));
	await inTransaction(db, async (tx) => {
		for (const group of batches(people)) {
			const taken = await tx
				.selectFrom('users')
				.select('email')
				.where(
					'email',
					'in',
					group.map((p) => p.email)
				)
				.executeTakeFirst();
			if (taken) throw new FieldError('email', 'Someone already has this email address');
		}
		const teamIds = [...new Set(people.flatMap((p) => (p.teamId ? [p.teamId] : [])))];
		for (const teamId of teamIds) await checkTeam(tx, teamId);
		for (const group of batches(people)) {
			await tx
				.insertInto('users')
				.values(
					group.map((p) => ({
						id: p.id,
						email: p.email,
						name: p.name,
						password_hash: null,
						career_stage: p.careerStage,
						swe_number: p.sweNumber,
						team_id: p.teamId,
						active: 1,
						created_at: timestamp(now),
						deactivated_at: null
					}))
				)
				.execute();
			const roles = group.flatMap((p) => p.roles.map((role) => ({ user_id: p.id, role })));
			await insertRows(tx, 'user_roles', roles);
		}
		await recordEvents(
			tx,
			people.map((p) => ({
				actorId,
				action: 'person.created',
				subjectType: 'user',
				subjectId: p.id,
				detail: { roles: p.roles }
			})),
			now
		);
	});
	return people.map((p) => p.id);
}

export async function updatePerson(
	db: Db,
	actorId: string,
	id: string,
	input: PersonInput,
	now = new Date()
) {
	await inTransaction(db, async (tx) => {
		const erased = await tx
			.selectFrom('users')
			.select('id')
			.where('id', '=', id)
			.where('erased_at', 'is not', null)
			.executeTakeFirst();
		if (erased) throw new FieldError('name', 'They have been erased: there is nobody to change');
		await checkEmailFree(tx, input.email, id);
		if (input.teamId) await checkTeam(tx, input.teamId);
		await tx
			.updateTable('users')
			.set({
				email: input.email,
				name: input.name,
				team_id: input.teamId,
				career_stage: input.careerStage,
				swe_number: input.sweNumber
			})
			.where('id', '=', id)
			.execute();
		await tx.deleteFrom('user_roles').where('user_id', '=', id).execute();
		if (input.roles.length > 0) {
			await tx
				.insertInto('user_roles')
				.values(input.roles.map((role) => ({ user_id: id, role })))
				.execute();
		}
		await recordEvent(
			tx,
			{
				actorId,
				action: 'person.updated',
				subjectType: 'user',
				subjectId: id,
				detail: { roles: input.roles }
			},
			now
		);
	});
}

/**
 * People are never deleted (others' records depend on them). Deactivating is `deactivatePerson`
 * (`leavers.ts`): it ends their sessions, tokens and relationships at once. Reactivating lets
 * them sign in again; their relationships stay ended.
 */
export async function setPersonActive(
	db: Db,
	actorId: string,
	id: string,
	active: boolean,
	now = new Date()
) {
	if (!active) return deactivatePerson(db, actorId, id, now);
	await reactivatePerson(db, actorId, id, now);
	return null;
}

/** Lets a deactivated person sign in again, in the caller's transaction if given one. */
export async function reactivatePerson(
	db: Db,
	actorId: string | null,
	id: string,
	now = new Date()
) {
	await inTransaction(db, async (tx) => {
		const result = await tx
			.updateTable('users')
			.set({ active: 1, deactivated_at: null })
			.where('id', '=', id)
			.where('active', '=', 0)
			// Nobody is left to sign in as an erased person.
			.where('erased_at', 'is', null)
			.executeTakeFirst();
		if (Number(result.numUpdatedRows) === 0) return;
		await recordEvent(
			tx,
			{ actorId, action: 'person.reactivated', subjectType: 'user', subjectId: id },
			now
		);
	});
}

export async function setPassword(db: Db, userId: string, passwordHash: string) {
	await db
		.updateTable('users')
		.set({ password_hash: passwordHash })
		.where('id', '=', userId)
		.execute();
}

/** A person's row, without their roles. */
export const findPerson = async (db: Db, id: string) => (await personQuery(db, id)).at(0);

/** Asked on every page about a person, so built once. */
const personQuery = prepared((db, id: string) =>
	db.selectFrom('users').selectAll().where('id', '=', id)
);

/** A person's row, with their roles. */
export async function getPerson(db: Db, id: string) {
	const user = await findPerson(db, id);
	if (!user) return undefined;
	const roleRows = await db
		.selectFrom('user_roles')
		.select('role')
		.where('user_id', '=', id)
		.execute();
	return { ...user, roles: rolesInOrder(roleRows.map((r) => r.role)) };
}

export function findPersonByEmail(db: Db, email: string) {
	return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** The people who have signed in with their council account (single sign-on). */
async function linkedToProvider(db: Db, id?: string) {
	let query = db.selectFrom('sso_identities').select('user_id').distinct();
	if (id) query = query.where('user_id', '=', id);
	return new Set((await query.execute()).map((row) => row.user_id));
}

/**
 * Whether someone has yet to sign in for the first time: no password of their own, and no
 * council account that has signed them in.
 */
export async function yetToSignIn<P extends { id: string; password_hash: string | null }>(
	db: Db,
	people: P[]
) {
	const linked = await linkedToProvider(db, people.length === 1 ? people[0].id : undefined);
	return (person: P) => person.password_hash === null && !linked.has(person.id);
}

/** Everyone, with their team name and roles, for the administration list. */
export async function listPeople(db: Db) {
	const people = await db
		.selectFrom('users')
		.leftJoin('teams', 'teams.id', 'users.team_id')
		.select([
			'users.id',
			'users.name',
			'users.email',
			'users.active',
			'users.career_stage',
			'users.password_hash',
			'teams.name as teamName'
		])
		.orderBy('users.name')
		.execute();
	const roleRows = await db.selectFrom('user_roles').select(['user_id', 'role']).execute();
	const yetTo = await yetToSignIn(db, people);
	return people.map(({ password_hash, ...person }) => ({
		...person,
		invited: yetTo({ ...person, password_hash }),
		roles: rolesInOrder(roleRows.filter((r) => r.user_id === person.id).map((r) => r.role))
	}));
}

/** Active people holding a role, for choosing supervisors and managers. */
export function listPeopleWithRole(db: Db, role: Role) {
	return db
		.selectFrom('users')
		.innerJoin('user_roles', 'user_roles.user_id', 'users.id')
		.select(['users.id', 'users.name', 'users.email'])
		.where('user_roles.role', '=', role)
		.where('users.active', '=', 1)
		.orderBy('users.name')
		.execute();
}

/** Everyone active, by name, as choices in a form (owners of actions, for example). */
export async function activePeopleChoices(db: Db) {
	const people = await db
		.selectFrom('users')
		.select(['id', 'name'])
		.where('active', '=', 1)
		.orderBy('name')
		.execute();
	return people.map((p) => ({ value: p.id, label: p.name }));
}
