import type { Db } from '../db';

/**
 * A practitioner's whole sign-off chain, oldest first: each sign-off and withdrawal, in every
 * framework version, with who made it and the records it cites (their ids).
 */
export async function signOffEntries(db: Db, practitionerId: string) {
	const rows = await db
		.selectFrom('signoffs')
		.innerJoin('users', 'users.id', 'signoffs.actor_id')
		.select([
			'signoffs.framework_version',
			'signoffs.outcome_id',
			'signoffs.action',
			'signoffs.rationale',
			'signoffs.evidence_ids',
			'signoffs.created_at',
			'users.name as actorName'
		])
		.where('signoffs.practitioner_id', '=', practitionerId)
		.orderBy('signoffs.sequence')
		.execute();
	return rows.map(({ evidence_ids, ...row }) => ({
		...row,
		evidenceIds: JSON.parse(evidence_ids) as string[]
	}));
}
