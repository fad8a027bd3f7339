import type { Db } from '../db';
import { relationshipKinds, type RelationshipKind, type Role } from '../db/schema';
import { prepared } from '../db/prepared';
import { dateOnly } from '../db/time';

// Who holds which relationship to whom, on a day. Rows live in the `supervisions` table:
// `supervisor_id` holds the relationship to `supervisee_id` from `starts_on` until the day
// before `ends_on`. Changes are in `relationships.ts`.

/** Which relationships each role may hold: supervisors any, external assessors only assessing. */
export const mayHold: Partial<Record<Role, readonly RelationshipKind[]>> = {
	supervisor: relationshipKinds,
	'external-assessor': ['assessor']
};

/** The relationships that supervise: the line manager's and the practice supervisor's. */
export const supervisingKinds: readonly RelationshipKind[] = [
	'line-manager',
	'practice-supervisor'
];

/** Whether any of these relationships supervises (line manager, practice supervisor). */
export const supervising = (kinds: readonly RelationshipKind[]) =>
	kinds.some((kind) => supervisingKinds.includes(kind));

/** The relationships someone with these roles may hold. */
export const kindsHeldBy = (roles: readonly Role[]) =>
	relationshipKinds.filter((kind) => roles.some((role) => mayHold[role]?.includes(kind)));

/** A relationship is current on a day when it has started and not yet ended. */
export const isCurrent = (r: { starts_on: string; ends_on: string | null }, today = dateOnly()) =>
	r.starts_on <= today && (r.ends_on === null || r.ends_on > today);

/**
 * Relationships current on a day, held by someone who still has a role that may hold them: a
 * supervisor who loses the role, or an external assessor given any other kind, gets no access.
 */
export function currentRelationshipsOn(db: Db, today: string) {
	return db
		.selectFrom('supervisions')
		.where('supervisions.starts_on', '<=', today)
		.where((eb) =>
			eb.or([eb('supervisions.ends_on', 'is', null), eb('supervisions.ends_on', '>', today)])
		)
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('user_roles')
					.select('user_roles.user_id')
					.whereRef('user_roles.user_id', '=', 'supervisions.supervisor_id')
					.where((e) =>
						e.or(
							Object.entries(mayHold).map(([role, kinds]) =>
								e.and([
									e('user_roles.role', '=', role as Role),
									e('supervisions.kind', 'in', [...kinds!])
								])
							)
						)
					)
			)
		);
}

/** The order kinds are shown in. */
const byKindName = (a: RelationshipKind, b: RelationshipKind) =>
	relationshipKinds.indexOf(a) - relationshipKinds.indexOf(b);
const byKind = (a: { kind: RelationshipKind }, b: { kind: RelationshipKind }) =>
	byKindName(a.kind, b.kind);

/** Who holds each relationship to a practitioner today, in the order of `relationshipKinds`. */
export async function currentRelationships(db: Db, practitionerId: string, today = dateOnly()) {
	const rows = await currentRelationshipsOn(db, today)
		.innerJoin('users', 'users.id', 'supervisions.supervisor_id')
		.select([
			'supervisions.id',
			'supervisions.kind',
			'supervisions.starts_on',
			'supervisions.ends_on',
			'users.id as holderId',
			'users.name',
			'users.email'
		])
		.where('supervisions.supervisee_id', '=', practitionerId)
		.execute();
	return rows.sort(byKind);
}

/** Today's holder of one kind of relationship to a practitioner, if anyone. */
export async function holderOf(
	db: Db,
	practitionerId: string,
	kind: RelationshipKind,
	today = dateOnly()
) {
	const found = (await currentRelationships(db, practitionerId, today)).find(
		(r) => r.kind === kind
	);
	return found && { id: found.holderId, name: found.name, email: found.email };
}

/** Whether someone holds any of these relationships to a practitioner today. */
export async function holds(
	db: Db,
	holderId: string,
	practitionerId: string,
	kinds: readonly RelationshipKind[] = relationshipKinds,
	today = dateOnly()
) {
	return (await kindsHeld(db, holderId, practitionerId, kinds, today)).length > 0;
}

/** Which of these relationships someone holds to a practitioner today, in one query. */
export async function kindsHeld(
	db: Db,
	holderId: string,
	practitionerId: string,
	kinds: readonly RelationshipKind[] = relationshipKinds,
	today = dateOnly()
): Promise<RelationshipKind[]> {
	if (kinds.length === 0) return [];
	const rows = await kindsHeldQuery(db, holderId, practitionerId, kinds, today);
	return [...new Set(rows.map((row) => row.kind))];
}

/** Asked on every page about a practitioner (the access check), so built once. */
const kindsHeldQuery = prepared(
	(
		db,
		holderId: string,
		practitionerId: string,
		kinds: readonly RelationshipKind[],
		today: string
	) =>
		currentRelationshipsOn(db, today)
			.select('supervisions.kind')
			.where('supervisions.supervisor_id', '=', holderId)
			.where('supervisions.supervisee_id', '=', practitionerId)
			.where('supervisions.kind', 'in', kinds)
);

/** Asked on every supervisor's home page and list of practitioners, so built once. */
const practitionersQuery = prepared(
	(db, holderId: string, kinds: readonly RelationshipKind[], today: string) =>
		currentRelationshipsOn(db, today)
			.innerJoin('users', 'users.id', 'supervisions.supervisee_id')
			.select([
				'users.id',
				'users.name',
				'users.email',
				'users.career_stage',
				'supervisions.kind',
				'supervisions.starts_on'
			])
			.where('supervisions.supervisor_id', '=', holderId)
			.where('supervisions.kind', 'in', kinds)
			.where('users.active', '=', 1)
			.orderBy('users.name')
			.orderBy('users.id')
);

/**
 * The active people someone holds any of these relationships to today, by name, with the kinds
 * they hold and since when they have held one.
 */
export async function practitionersOf(
	db: Db,
	holderId: string,
	kinds: readonly RelationshipKind[] = relationshipKinds,
	today = dateOnly()
) {
	if (kinds.length === 0) return [];
	const rows = await practitionersQuery(db, holderId, kinds, today);
	const people = new Map<
		string,
		Omit<(typeof rows)[number], 'kind'> & { kinds: RelationshipKind[] }
	>();
	for (const { kind, ...row } of rows) {
		const person = people.get(row.id);
		if (!person) people.set(row.id, { ...row, kinds: [kind] });
		else {
			person.kinds.push(kind);
			if (row.starts_on < person.starts_on) person.starts_on = row.starts_on;
		}
	}
	const list = [...people.values()];
	for (const person of list) person.kinds.sort(byKindName);
	return list;
}

/** A practitioner's relationships over time, newest first within each kind. */
export async function relationshipHistory(db: Db, practitionerId: string) {
	const rows = await db
		.selectFrom('supervisions')
		.innerJoin('users', 'users.id', 'supervisions.supervisor_id')
		.select([
			'supervisions.id',
			'supervisions.kind',
			'supervisions.starts_on',
			'supervisions.ends_on',
			'users.name as holderName'
		])
		.where('supervisee_id', '=', practitionerId)
		.orderBy('starts_on', 'desc')
		.orderBy('supervisions.created_at', 'desc')
		.execute();
	return rows.sort(byKind);
}

/** Every relationship, with both names: the practitioner's, then by kind, newest first. */
export async function listRelationships(db: Db) {
	const rows = await db
		.selectFrom('supervisions')
		.innerJoin('users as holder', 'holder.id', 'supervisions.supervisor_id')
		.innerJoin('users as practitioner', 'practitioner.id', 'supervisions.supervisee_id')
		.select([
			'supervisions.id',
			'supervisions.kind',
			'supervisions.starts_on',
			'supervisions.ends_on',
			'holder.name as holderName',
			'practitioner.name as practitionerName',
			'practitioner.id as practitionerId'
		])
		.orderBy('practitioner.name')
		.orderBy('practitioner.id')
		.orderBy('supervisions.starts_on', 'desc')
		.execute();
	// Array sort is stable: within a practitioner, kinds in their order, each newest first.
	const order = new Map(rows.map((r, index) => [r.practitionerId, index]));
	return rows.sort(
		(a, b) => order.get(a.practitionerId)! - order.get(b.practitionerId)! || byKind(a, b)
	);
}
