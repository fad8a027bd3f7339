import type { Db } from '../db';
import type { VersionedIds } from '../framework/crosswalk';

/**
 * Every outcome and statement id records were mapped to, with its framework version, as one
 * table `m` (`evidence_id`, `version`, `mapped_id`) to filter and join.
 */
export function mappedIds(db: Db) {
	return db.selectFrom((eb) =>
		eb
			.selectFrom('evidence_outcomes')
			.select(['evidence_id', 'framework_version as version', 'outcome_id as mapped_id'])
			.unionAll(
				eb
					.selectFrom('evidence_statements')
					.select(['evidence_id', 'framework_version as version', 'statement_id as mapped_id'])
			)
			.as('m')
	);
}

/** `mappedIds` of a practitioner's records, each with its record's status. */
export function ownerMappings(db: Db, ownerId: string) {
	return mappedIds(db)
		.innerJoin('evidence', 'evidence.id', 'm.evidence_id')
		.select(['m.evidence_id', 'm.version', 'm.mapped_id', 'evidence.status'])
		.where('evidence.owner_id', '=', ownerId);
}

/** The rows of `mappedIds`, by record: the ids each was mapped to, version by version. */
export function byRecord(rows: { evidence_id: string; version: string; mapped_id: string }[]) {
	const records = new Map<string, VersionedIds[]>();
	for (const row of rows) {
		const mapped = records.get(row.evidence_id) ?? [];
		const inVersion = mapped.find((m) => m.version === row.version);
		if (inVersion) inVersion.ids.push(row.mapped_id);
		else mapped.push({ version: row.version, ids: [row.mapped_id] });
		records.set(row.evidence_id, mapped);
	}
	return records;
}
