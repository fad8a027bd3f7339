import type { Db } from '../db';
import { relationshipKinds, type RelationshipKind, type Role } from '../db/schema';
import { dateOnly } from '../db/time';
import { currentRelationships, holds } from './relationship-queries';

// What a leaver's relationships left behind (`leavers.ts` makes them): each practitioner whose
// line manager, practice supervisor or assessor left, until each of those relationships is held
// again. They are the attention of the practitioner's line manager or team manager, named when
// the person left; the principal social workers see those nobody else does (none was named, or
// the one named has left too).

export interface OpenHandover {
	id: string;
	practitionerId: string;
	practitionerName: string;
	leaverName: string;
	since: string;
	/** The relationships the leaver held that nobody holds again yet. */
	unheld: RelationshipKind[];
	/** Whether this person may open the practitioner's supervision page. */
	canOpen: boolean;
}

/** The handovers waiting for this person, newest first. */
export async function openHandovers(
	db: Db,
	user: { id: string; roles: readonly Role[] },
	today = dateOnly()
): Promise<OpenHandover[]> {
	const psw = user.roles.includes('psw');
	const rows = await db
		.selectFrom('handovers')
		.innerJoin('users as practitioner', 'practitioner.id', 'handovers.practitioner_id')
		.innerJoin('users as leaver', 'leaver.id', 'handovers.leaver_id')
		.leftJoin('users as attention', 'attention.id', 'handovers.attention_id')
		.select([
			'handovers.id',
			'handovers.kinds',
			'handovers.created_at',
			'practitioner.id as practitionerId',
			'practitioner.name as practitionerName',
			'leaver.name as leaverName'
		])
		.where('practitioner.active', '=', 1)
		.where((eb) =>
			psw
				? eb.or([
						eb('handovers.attention_id', '=', user.id),
						eb('handovers.attention_id', 'is', null),
						eb('attention.active', '=', 0)
					])
				: eb('handovers.attention_id', '=', user.id)
		)
		.orderBy('handovers.created_at', 'desc')
		.orderBy('handovers.id')
		.execute();
	const open: OpenHandover[] = [];
	for (const row of rows) {
		const held = (await currentRelationships(db, row.practitionerId, today)).map((r) => r.kind);
		const unheld = relationshipKinds.filter(
			(kind) => row.kinds.split(',').includes(kind) && !held.includes(kind)
		);
		if (unheld.length === 0) continue;
		open.push({
			id: row.id,
			practitionerId: row.practitionerId,
			practitionerName: row.practitionerName,
			leaverName: row.leaverName,
			since: row.created_at,
			unheld,
			canOpen: psw || (await holds(db, user.id, row.practitionerId, relationshipKinds, today))
		});
	}
	return open;
}
