import type { Db } from '../db';
import type { Role } from '../db/schema';
import { FieldError } from '../errors';

// Ids that arrive from a form are only choices from a list: each is checked here before it is
// stored, so a stale or forged id gets a message by its field, not a foreign-key failure.

/** Refuses an id that is not an active person holding the role. */
export async function checkRoleHolder(
	db: Db,
	id: string,
	role: Role,
	field: string,
	message: string
) {
	const found = await db
		.selectFrom('users')
		.innerJoin('user_roles', 'user_roles.user_id', 'users.id')
		.select('users.id')
		.where('users.id', '=', id)
		.where('users.active', '=', 1)
		.where('user_roles.role', '=', role)
		.executeTakeFirst();
	if (!found) throw new FieldError(field, message);
}

/** Refuses an id that is not an active person. */
export async function checkActivePerson(db: Db, id: string, field: string, message: string) {
	const found = await db
		.selectFrom('users')
		.select('id')
		.where('id', '=', id)
		.where('active', '=', 1)
		.executeTakeFirst();
	if (!found) throw new FieldError(field, message);
}

/** Refuses a team id that names no team. */
export async function checkTeam(db: Db, id: string, field = 'teamId') {
	const found = await db.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst();
	if (!found) throw new FieldError(field, 'Choose a team from the list');
}
