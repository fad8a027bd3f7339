import { inTransaction, type Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { timestamp } from '../db/time';
import { FieldError } from '../errors';
import { checkRoleHolder } from './references';

/** A team's manager must be an active supervisor: that is who can manage a team's work. */
const checkManager = (db: Db, managerId: string | null) =>
	managerId
		? checkRoleHolder(
				db,
				managerId,
				'supervisor',
				'managerId',
				'Choose a team manager from the list'
			)
		: undefined;

/** Refuses a team name that another team (not `exceptId`) already has. */
async function checkNameFree(db: Db, name: string, exceptId?: string) {
	let query = db.selectFrom('teams').select('id').where('name', '=', name);
	if (exceptId) query = query.where('id', '!=', exceptId);
	if (await query.executeTakeFirst())
		throw new FieldError('name', 'There is already a team with this name');
}

/** A new team; `service` is the service it belongs to, where the health check merges it. */
export async function createTeam(
	db: Db,
	actorId: string | null,
	name: string,
	managerId: string | null,
	now = new Date(),
	service: string | null = null
) {
	const id = newId();
	await inTransaction(db, async (tx) => {
		await checkNameFree(tx, name);
		await checkManager(tx, managerId);
		await tx
			.insertInto('teams')
			.values({ id, name, manager_id: managerId, service, created_at: timestamp(now) })
			.execute();
		await recordEvent(
			tx,
			{
				actorId,
				action: 'team.created',
				subjectType: 'team',
				subjectId: id,
				detail: { name, managerId, service }
			},
			now
		);
	});
	return id;
}

export async function updateTeam(
	db: Db,
	actorId: string,
	id: string,
	name: string,
	managerId: string | null,
	service: string | null = null
) {
	await db.transaction().execute(async (tx) => {
		await checkNameFree(tx, name, id);
		await checkManager(tx, managerId);
		await tx
			.updateTable('teams')
			.set({ name, manager_id: managerId, service })
			.where('id', '=', id)
			.execute();
		await recordEvent(tx, {
			actorId,
			action: 'team.updated',
			subjectType: 'team',
			subjectId: id,
			detail: { name, managerId, service }
		});
	});
}

/** Teams with their manager's name and how many active people are in each. */
export function listTeams(db: Db) {
	return db
		.selectFrom('teams')
		.leftJoin('users as manager', 'manager.id', 'teams.manager_id')
		.select((eb) => [
			'teams.id',
			'teams.name',
			'teams.manager_id',
			'teams.service',
			'manager.name as managerName',
			eb
				.selectFrom('users')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('users.team_id', '=', 'teams.id')
				.where('users.active', '=', 1)
				.as('memberCount')
		])
		.orderBy('teams.name')
		.execute();
}

export function getTeam(db: Db, id: string) {
	return db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
}

export function teamMembers(db: Db, teamId: string) {
	return db
		.selectFrom('users')
		.select(['id', 'name', 'email', 'career_stage', 'active'])
		.where('team_id', '=', teamId)
		.orderBy('name')
		.execute();
}

/** Teams as choices in a form, by name: all of them, or only those someone manages. */
export function teamChoices(db: Db, managerId?: string) {
	let query = db.selectFrom('teams').select(['id', 'name']).orderBy('name');
	if (managerId) query = query.where('manager_id', '=', managerId);
	return query.execute();
}

/** A team's name, for showing beside a person. */
export async function teamName(db: Db, teamId: string | null) {
	if (!teamId) return null;
	const team = await getTeam(db, teamId);
	return team?.name ?? null;
}
