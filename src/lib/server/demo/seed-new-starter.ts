import type { Db } from '../db';
import { newId } from '../db/ids';
import { timestamp } from '../db/time';

/** A newly qualified social worker who has just joined and is not yet on the ASYE: to enrol. */
export const newStarter = {
	email: 'new.starter@demo.test',
	name: 'Nia Roberts',
	team: 'North Assessment Team'
};

/** Adds the new starter: a practitioner in the North team, with no programme and no supervisor. */
export async function seedNewStarter(db: Db, passwordHash: string, now: Date) {
	const team = await db
		.selectFrom('teams')
		.select('id')
		.where('name', '=', newStarter.team)
		.executeTakeFirst();
	const id = newId();
	await db
		.insertInto('users')
		.values({
			id,
			email: newStarter.email,
			name: newStarter.name,
			password_hash: passwordHash,
			career_stage: 'asye',
			swe_number: null,
			team_id: team?.id ?? null,
			active: 1,
			created_at: timestamp(now),
			deactivated_at: null
		})
		.execute();
	await db.insertInto('user_roles').values({ user_id: id, role: 'practitioner' }).execute();
}
