import type { Db } from '../../db';
import { rolesInOrder, type Role } from '../../db/schema';
import type { Snapshot, SnapshotPerson } from './plan';

/** Everyone and every team, as a staff file is compared with them: a few queries, any size. */
export async function importSnapshot(db: Db, today: string): Promise<Snapshot> {
	const users = await db
		.selectFrom('users')
		.select(['id', 'email', 'name', 'active', 'team_id', 'career_stage', 'swe_number'])
		.execute();
	const roleRows = await db.selectFrom('user_roles').select(['user_id', 'role']).execute();
	const rolesOf = new Map<string, Role[]>();
	for (const { user_id, role } of roleRows)
		rolesOf.set(user_id, [...(rolesOf.get(user_id) ?? []), role]);
	// Line managers not yet ended: today's, and any planned to start later.
	const managing = await db
		.selectFrom('supervisions')
		.select(['supervisee_id', 'supervisor_id', 'starts_on', 'ends_on'])
		.where('kind', '=', 'line-manager')
		.where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>', today)]))
		.execute();
	const managersOf = new Map<string, typeof managing>();
	for (const row of managing)
		managersOf.set(row.supervisee_id, [...(managersOf.get(row.supervisee_id) ?? []), row]);
	const people = users.map((user): SnapshotPerson => {
		const rows = managersOf.get(user.id) ?? [];
		return {
			id: user.id,
			email: user.email,
			name: user.name,
			active: user.active === 1,
			teamId: user.team_id,
			roles: rolesInOrder(rolesOf.get(user.id) ?? []),
			careerStage: user.career_stage,
			sweNumber: user.swe_number,
			lineManagerId: rows.find((r) => r.starts_on <= today)?.supervisor_id ?? null,
			lineManagerSince:
				rows
					.map((r) => r.starts_on)
					.sort()
					.at(-1) ?? null
		};
	});
	const teams = await db.selectFrom('teams').select(['id', 'name']).execute();
	return { people, teams };
}
