import { inTransaction, type Db } from '../db';
import { batches } from '../db/batches';
import { recordEvents } from '../db/events';
import { newId } from '../db/ids';
import { relationshipKinds, type RelationshipKind } from '../db/schema';
import { timestamp } from '../db/time';
import { FieldError } from '../errors';
import { relationshipNames } from '$lib/format';
import { assignRelationship, checkHolder, type RelationshipInput } from './relationships';

// Many relationships at once, as an import from HR makes them: the same rules as
// `assignRelationship` (`relationships.ts`), in a few statements rather than several each.

const nameOf = (kind: RelationshipKind) => relationshipNames[kind].toLowerCase();

/**
 * Assigns many relationships as `assignRelationship` assigns each, in the caller's transaction
 * if given one: in few statements where there is no holding of the kind to end (a new person's
 * line manager, from an import), one by one otherwise. Refused as each would be.
 */
export async function assignRelationships(
	db: Db,
	actorId: string | null,
	inputs: RelationshipInput[],
	now = new Date()
) {
	return inTransaction(db, async (tx) => {
		const key = (i: { practitionerId: string; kind: string }) => `${i.practitionerId} ${i.kind}`;
		// Holdings not ended by the earliest start: a holding the new one would have to end.
		const earliest = inputs.map((i) => i.startsOn).sort()[0] ?? '';
		const held: { practitionerId: string; kind: string; ends_on: string | null }[] = [];
		for (const group of batches([...new Set(inputs.map((i) => i.practitionerId))])) {
			const rows = await tx
				.selectFrom('supervisions')
				.select(['supervisee_id as practitionerId', 'kind', 'ends_on'])
				.where('supervisee_id', 'in', group)
				.where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>', earliest)]))
				.execute();
			for (const row of rows) held.push(row);
		}
		const counts = new Map<string, number>();
		for (const input of inputs) counts.set(key(input), (counts.get(key(input)) ?? 0) + 1);
		const overlaps = (i: RelationshipInput) =>
			held.some((r) => key(r) === key(i) && (r.ends_on === null || r.ends_on > i.startsOn));
		const fresh = inputs.filter((i) => !overlaps(i) && counts.get(key(i)) === 1);
		await startRelationships(tx, actorId, fresh, now);
		for (const input of inputs.filter((i) => !fresh.includes(i)))
			await assignRelationship(tx, actorId, input, now);
	});
}

/** Starts relationships of kinds nobody holds to the practitioner yet, with the same checks. */
async function startRelationships(
	tx: Db,
	actorId: string | null,
	inputs: RelationshipInput[],
	now: Date
) {
	for (const { kind, holderId, practitionerId } of inputs) {
		if (!relationshipKinds.includes(kind))
			throw new FieldError('kind', 'Choose a relationship from the list');
		if (holderId === practitionerId)
			throw new FieldError('holderId', `A person cannot be their own ${nameOf(kind)}`);
	}
	const holders = new Set(inputs.map((i) => `${i.holderId} ${i.kind}`));
	for (const holder of holders) {
		const [holderId, kind] = holder.split(' ') as [string, RelationshipKind];
		await checkHolder(tx, holderId, kind);
	}
	for (const group of batches(inputs)) {
		const ids = group.map((i) => i.practitionerId);
		const active = await tx
			.selectFrom('users')
			.select('id')
			.where('id', 'in', ids)
			.where('active', '=', 1)
			.execute();
		if (active.length < new Set(ids).size)
			throw new FieldError('practitionerId', 'Choose a person from the list');
		await tx
			.insertInto('supervisions')
			.values(
				group.map((i) => ({
					id: newId(),
					kind: i.kind,
					supervisor_id: i.holderId,
					supervisee_id: i.practitionerId,
					starts_on: i.startsOn,
					ends_on: null,
					created_by: actorId,
					created_at: timestamp(now)
				}))
			)
			.execute();
	}
	await recordEvents(
		tx,
		inputs.map((input) => ({
			actorId,
			action: 'relationship.assigned',
			subjectType: 'user',
			subjectId: input.practitionerId,
			detail: { ...input }
		})),
		now
	);
}
