import { formatDate, relationshipNames } from '$lib/format';
import { inTransaction, type Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { relationshipKinds, type RelationshipKind } from '../db/schema';
import { timestamp } from '../db/time';
import { FieldError } from '../errors';
import { checkActivePerson } from './references';
import { kindsHeldBy } from './relationship-queries';

// Line manager, practice supervisor and assessor are separate relationships to a practitioner,
// each with its own history; one person may hold several. A practitioner has one holder of each
// kind at a time. Rows live in the `supervisions` table: `supervisor_id` holds the relationship
// to `supervisee_id` from `starts_on` until the day before `ends_on`.

export { relationshipKinds, type RelationshipKind };
export * from './relationship-queries';

const nameOf = (kind: RelationshipKind) => relationshipNames[kind].toLowerCase();

export interface RelationshipInput {
	kind: RelationshipKind;
	holderId: string;
	practitionerId: string;
	/** `YYYY-MM-DD` */
	startsOn: string;
}

/** Refuses a holder who is not active or whose roles may not hold this kind of relationship. */
export async function checkHolder(db: Db, holderId: string, kind: RelationshipKind) {
	const roles = await db
		.selectFrom('user_roles')
		.innerJoin('users', 'users.id', 'user_roles.user_id')
		.select('user_roles.role')
		.where('users.id', '=', holderId)
		.where('users.active', '=', 1)
		.execute();
	const held = roles.map((r) => r.role);
	if (kindsHeldBy(held).includes(kind)) return;
	throw new FieldError(
		'holderId',
		held.includes('external-assessor')
			? `An external assessor can only be an assessor, not a ${nameOf(kind)}`
			: kind === 'assessor'
				? 'Choose a supervisor or an external assessor from the list'
				: 'Choose a supervisor from the list'
	);
}

/**
 * Assigns someone a relationship to a practitioner from a date, in the caller's transaction if
 * given one. The current holder of that kind (if any) stops holding it the day the new one
 * starts; history is kept. Returns the new relationship's id.
 */
export async function assignRelationship(
	db: Db,
	actorId: string | null,
	input: RelationshipInput,
	now = new Date()
) {
	const { kind, holderId, practitionerId, startsOn } = input;
	if (!relationshipKinds.includes(kind))
		throw new FieldError('kind', 'Choose a relationship from the list');
	if (holderId === practitionerId)
		throw new FieldError('holderId', `A person cannot be their own ${nameOf(kind)}`);
	return inTransaction(db, async (tx) => {
		await checkActivePerson(tx, practitionerId, 'practitionerId', 'Choose a person from the list');
		await checkHolder(tx, holderId, kind);
		await endOverlapping(tx, input);
		const id = newId();
		await tx
			.insertInto('supervisions')
			.values({
				id,
				kind,
				supervisor_id: holderId,
				supervisee_id: practitionerId,
				starts_on: startsOn,
				ends_on: null,
				created_by: actorId,
				created_at: timestamp(now)
			})
			.execute();
		await recordEvent(
			tx,
			{
				actorId,
				action: 'relationship.assigned',
				subjectType: 'user',
				subjectId: practitionerId,
				detail: { ...input }
			},
			now
		);
		return id;
	});
}

/**
 * Ends every holding of the kind still going on the new start date, now or planned, the day the
 * new one starts; refused when the holder already holds it or the current one starts later.
 */
async function endOverlapping(
	tx: Db,
	{ kind, holderId, practitionerId, startsOn }: RelationshipInput
) {
	const overlapping = await tx
		.selectFrom('supervisions')
		.selectAll()
		.where('supervisee_id', '=', practitionerId)
		.where('kind', '=', kind)
		.where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>', startsOn)]))
		// One that ended where it would have begun never held: nothing to end.
		.where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>', eb.ref('starts_on'))]))
		.execute();
	for (const current of overlapping) {
		if (current.supervisor_id === holderId && current.ends_on === null)
			throw new FieldError('holderId', `This person is already their ${nameOf(kind)}`);
		if (current.starts_on >= startsOn)
			throw new FieldError(
				'startsOn',
				`The current ${nameOf(kind)} started on ${formatDate(current.starts_on)}; the new one must start after that`
			);
		await tx
			.updateTable('supervisions')
			.set({ ends_on: startsOn })
			.where('id', '=', current.id)
			.execute();
	}
}

/** Ends a relationship from a day: from `endsOn` on, its holder no longer holds it. */
export async function endRelationship(
	db: Db,
	actorId: string,
	id: string,
	endsOn: string,
	now = new Date()
) {
	return inTransaction(db, async (tx) => {
		const row = await tx
			.selectFrom('supervisions')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirst();
		if (!row) throw new FieldError('end', 'There is no such relationship');
		if (row.ends_on !== null) throw new FieldError('end', 'This relationship has already ended');
		if (endsOn <= row.starts_on)
			throw new FieldError('end', 'The end date must be after the start date');
		await closeRelationship(tx, actorId, row, endsOn, now);
	});
}

/**
 * Sets a relationship's end and logs it, unchecked: for callers that checked the date already
 * (`detail` adds to the event, as a leaver's id).
 */
export async function closeRelationship(
	tx: Db,
	actorId: string | null,
	row: { id: string; kind: RelationshipKind; supervisee_id: string },
	endsOn: string,
	now: Date,
	detail: Record<string, unknown> = {}
) {
	await tx.updateTable('supervisions').set({ ends_on: endsOn }).where('id', '=', row.id).execute();
	await recordEvent(
		tx,
		{
			actorId,
			action: 'relationship.ended',
			subjectType: 'user',
			subjectId: row.supervisee_id,
			detail: { id: row.id, kind: row.kind, endsOn, ...detail }
		},
		now
	);
}

/**
 * Ends every holding of one kind to a practitioner from a day, in the caller's transaction: one
 * going on then stops that day, and one planned to begin later ends where it would have begun,
 * so it never holds. Each is in the event log; history is kept.
 */
export async function endRelationshipsFrom(
	tx: Db,
	actorId: string,
	input: { kind: RelationshipKind; practitionerId: string; endsOn: string },
	now = new Date()
) {
	const going = await tx
		.selectFrom('supervisions')
		.select(['id', 'starts_on'])
		.where('supervisee_id', '=', input.practitionerId)
		.where('kind', '=', input.kind)
		.where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>', input.endsOn)]))
		.execute();
	for (const row of going) {
		const endsOn = row.starts_on < input.endsOn ? input.endsOn : row.starts_on;
		await closeRelationship(
			tx,
			actorId,
			{ id: row.id, kind: input.kind, supervisee_id: input.practitionerId },
			endsOn,
			now
		);
	}
}

/** The fields as the supervision form (and `assignSupervisor`) names them. */
const supervisionFields: Record<string, string> = {
	holderId: 'supervisorId',
	practitionerId: 'superviseeId'
};

/**
 * Assigns one relationship, or all three as one supervisor used to hold them (`all`: kinds the
 * person holds already are left as they are). Refusals name the fields `supervisorId` and
 * `superviseeId`, as the supervision form does. Returns the new relationships' ids.
 */
export async function assignSupervision(
	db: Db,
	actorId: string | null,
	input: {
		kind: RelationshipKind | 'all';
		supervisorId: string;
		superviseeId: string;
		startsOn: string;
	},
	now = new Date()
) {
	const { supervisorId: holderId, superviseeId: practitionerId, startsOn } = input;
	return inTransaction(db, async (tx) => {
		const held = await tx
			.selectFrom('supervisions')
			.select('kind')
			.where('supervisor_id', '=', holderId)
			.where('supervisee_id', '=', practitionerId)
			.where('ends_on', 'is', null)
			.execute();
		const kinds =
			input.kind === 'all'
				? relationshipKinds.filter((kind) => !held.some((r) => r.kind === kind))
				: [input.kind];
		if (kinds.length === 0)
			throw new FieldError(
				'supervisorId',
				'This person is already their line manager, practice supervisor and assessor'
			);
		const ids: string[] = [];
		try {
			for (const kind of kinds)
				ids.push(
					await assignRelationship(tx, actorId, { kind, holderId, practitionerId, startsOn }, now)
				);
		} catch (e) {
			if (!(e instanceof FieldError)) throw e;
			throw new FieldError(supervisionFields[e.field] ?? e.field, e.message);
		}
		return ids;
	});
}

/** Makes someone a practitioner's line manager, practice supervisor and assessor from a date. */
export const assignSupervisor = (
	db: Db,
	actorId: string | null,
	input: { supervisorId: string; superviseeId: string; startsOn: string },
	now = new Date()
) => assignSupervision(db, actorId, { ...input, kind: 'all' }, now);
