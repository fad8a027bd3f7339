import { sql } from 'kysely';
import type { Db } from '../../db';
import { dateOnly } from '../../db/time';
import { currentRelationshipsOn } from '../relationship-queries';
import type { ListQuery } from './query';
import type { ScimPerson } from './resource';

// People as SCIM reads them: everyone, active or not (a directory matches people by userName
// before it creates anyone, so the people an administrator invited by hand are found too, and
// a leaver who returns is the same person). Last modified is the latest change in the event
// log about them, or when they were made.

function people(db: Db) {
	return db
		.selectFrom('users')
		.leftJoin('scim_people', 'scim_people.user_id', 'users.id')
		.leftJoin('teams', 'teams.id', 'users.team_id')
		.select((eb) => [
			'users.id',
			'users.email',
			'users.name',
			'users.active',
			'users.team_id',
			'users.created_at',
			'scim_people.external_id',
			'scim_people.given_name',
			'scim_people.family_name',
			'teams.name as team',
			eb
				.selectFrom('events')
				.select((e) => e.fn.max('events.at').as('at'))
				.where('events.subject_type', '=', 'user')
				.whereRef('events.subject_id', '=', 'users.id')
				.as('last_event')
		]);
}

type Row = Awaited<ReturnType<ReturnType<typeof people>['executeTakeFirstOrThrow']>>;

/** Today's line manager of each of these people, with the relationship's id. */
async function lineManagers(db: Db, ids: string[]) {
	if (ids.length === 0) return new Map<string, { id: string; name: string }>();
	const rows = await currentRelationshipsOn(db, dateOnly())
		.innerJoin('users', 'users.id', 'supervisions.supervisor_id')
		.select(['supervisions.supervisee_id', 'users.id', 'users.name'])
		.where('supervisions.kind', '=', 'line-manager')
		.where('supervisions.supervisee_id', 'in', ids)
		.execute();
	return new Map(rows.map((r) => [r.supervisee_id, { id: r.id, name: r.name }]));
}

/** A person as SCIM reads them, with their team's id (which the resource does not show). */
export type StoredScimPerson = ScimPerson & { teamId: string | null };

async function asScimPeople(db: Db, rows: Row[]): Promise<StoredScimPerson[]> {
	const managers = await lineManagers(
		db,
		rows.map((r) => r.id)
	);
	return rows.map((row) => {
		const manager = managers.get(row.id);
		return {
			id: row.id,
			email: row.email,
			name: row.name,
			active: row.active === 1,
			teamId: row.team_id,
			externalId: row.external_id,
			givenName: row.given_name,
			familyName: row.family_name,
			team: row.team,
			manager: manager ? { id: manager.id, name: manager.name } : null,
			created: row.created_at,
			lastModified: [row.created_at, row.last_event ?? ''].sort().at(-1)!
		};
	});
}

/** One person by id, or undefined. */
export async function scimPerson(db: Db, id: string) {
	const row = await people(db).where('users.id', '=', id).executeTakeFirst();
	return row && (await asScimPeople(db, [row]))[0];
}

/** A page of people, oldest first, with how many there are in all. */
export async function listScimPeople(db: Db, query: ListQuery) {
	let total = db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n'));
	let page = people(db);
	if (query.userName !== null) {
		const email = query.userName.toLowerCase();
		total = total.where(sql`lower(users.email)`, '=', email);
		page = page.where(sql`lower(users.email)`, '=', email);
	}
	const { n } = await total.executeTakeFirstOrThrow();
	const rows =
		query.count === 0
			? []
			: await page
					.orderBy('users.created_at')
					.orderBy('users.id')
					.limit(query.count)
					.offset(query.startIndex - 1)
					.execute();
	return { total: Number(n), people: await asScimPeople(db, rows) };
}
