import type { Db } from '../../db';
import { deactivatePerson } from '../leavers';
import { assignRelationships } from '../relationship-batches';
import type { RelationshipInput } from '../relationships';
import { createTeam } from '../teams';
import { createPeople, reactivatePerson, updatePerson, type PersonInput } from '../users';
import { teamKey, type Plan, type PersonTarget } from './plan';

/** What applying a file did. */
export interface ImportSummary {
	added: number;
	changed: number;
	deactivated: number;
	teamsCreated: number;
	/** New people sent an invitation (none under single sign-on). */
	invited: number;
}

/** The differences that are the person's own fields, changed by `updatePerson`. */
const ownFields = (field: string) => field !== 'Line manager' && field !== 'Account';

/**
 * Applies a plan in the caller's transaction, through the same functions as the pages (so the
 * same checks and the same events): teams made, people added and changed, then line managers
 * (once everyone has their roles), then leavers (so their supervisees go to the new line
 * managers). Returns the people added.
 */
export async function applyPlan(tx: Db, actorId: string, plan: Plan, now: Date) {
	const teams = await tx.selectFrom('teams').select(['id', 'name']).execute();
	const teamIds = new Map(teams.map((t) => [teamKey(t.name), t.id]));
	for (const name of plan.teamsToCreate)
		teamIds.set(teamKey(name), await createTeam(tx, actorId, name, null, now));
	const input = (email: string, p: PersonTarget): PersonInput => ({
		email,
		name: p.name,
		roles: p.roles,
		teamId: p.team ? teamIds.get(teamKey(p.team))! : null,
		careerStage: p.careerStage,
		sweNumber: p.sweNumber
	});
	const users = await tx.selectFrom('users').select(['id', 'email']).execute();
	const ids = new Map(users.map((u) => [u.email.toLowerCase(), u.id]));
	const created = await createPeople(
		tx,
		actorId,
		plan.add.map(({ email, person }) => input(email, person)),
		now
	);
	const added = plan.add.map(({ email, person }, n) => {
		ids.set(email, created[n]);
		return { id: created[n], email, name: person.name };
	});
	for (const change of plan.change) {
		if (change.reactivate) await reactivatePerson(tx, actorId, change.personId, now);
		if (change.differences.some((d) => ownFields(d.field)))
			await updatePerson(tx, actorId, change.personId, input(change.email, change.person), now);
	}
	await assignRelationships(tx, actorId, lineManagerInputs(plan, ids), now);
	for (const { personId } of plan.deactivate) await deactivatePerson(tx, actorId, personId, now);
	return added;
}

/** The line managers a plan assigns, by the ids of everyone in the file once it is applied. */
function lineManagerInputs(plan: Plan, ids: Map<string, string>): RelationshipInput[] {
	return [...plan.add, ...plan.change].flatMap(({ email, lineManager }) =>
		lineManager
			? [
					{
						kind: 'line-manager',
						holderId: ids.get(lineManager.email)!,
						practitionerId: ids.get(email)!,
						startsOn: lineManager.startsOn
					}
				]
			: []
	);
}
