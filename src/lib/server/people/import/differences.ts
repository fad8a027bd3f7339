import { careerStageNames, roleNames } from '$lib/format';
import type { PersonTarget, SnapshotPerson } from './plan';

/** One thing a row changes about someone, in words: "Team: North → South". */
export interface Difference {
	field: string;
	from: string;
	to: string;
}

const none = '(none)';
const rolesInWords = (roles: readonly string[]) =>
	roles.map((role) => roleNames[role]).join(', ') || none;
const stageInWords = (stage: string | null) => (stage ? careerStageNames[stage] : none);

/**
 * What a row changes about someone already in the app: `teamName` is their team's name now,
 * and `lineManager` the names of their line manager now and after, when that changes.
 */
export function differences(
	existing: SnapshotPerson,
	teamName: string | null,
	person: PersonTarget,
	lineManager: { from: string | null; to: string } | null
): Difference[] {
	const found: Difference[] = [];
	const compare = (field: string, from: string, to: string) => {
		if (from !== to) found.push({ field, from, to });
	};
	if (!existing.active) found.push({ field: 'Account', from: 'Deactivated', to: 'Active' });
	compare('Name', existing.name, person.name);
	compare('Team', teamName ?? none, person.team ?? none);
	compare('Roles', rolesInWords(existing.roles), rolesInWords(person.roles));
	compare('Career stage', stageInWords(existing.careerStage), stageInWords(person.careerStage));
	compare('SWE registration', existing.sweNumber ?? none, person.sweNumber ?? none);
	// A change of line manager, even between two people of the same name.
	if (lineManager)
		found.push({ field: 'Line manager', from: lineManager.from ?? none, to: lineManager.to });
	return found;
}
