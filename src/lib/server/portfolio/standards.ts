import type { Db } from '../db';
import { practiceStandardSets } from '../standards';
import { readStandardChoices, type MappedStandard } from '../standards/mapping';
import type { StandardSet } from '../standards/schema';
import { countedStatuses } from './coverage';

/** Replaces a record's mapping to local practice standards; call inside the mapping's transaction. */
export async function replaceStandards(tx: Db, evidenceId: string, standards: MappedStandard[]) {
	await tx.deleteFrom('evidence_standards').where('evidence_id', '=', evidenceId).execute();
	if (standards.length === 0) return;
	await tx
		.insertInto('evidence_standards')
		.values(
			standards.map((s) => ({
				evidence_id: evidenceId,
				set_id: s.setId,
				set_version: s.setVersion,
				item_ref: s.ref
			}))
		)
		.execute();
}

export async function standardsOf(db: Db, evidenceId: string): Promise<MappedStandard[]> {
	const rows = await db
		.selectFrom('evidence_standards')
		.select(['set_id', 'set_version', 'item_ref'])
		.where('evidence_id', '=', evidenceId)
		.execute();
	return rows.map((r) => ({ setId: r.set_id, setVersion: r.set_version, ref: r.item_ref }));
}

/**
 * The standards ticked for a record, checked against the practice-standards sets and the
 * record's own earlier-edition mappings (which may be kept); or a message for the field.
 */
export async function chooseStandards(
	db: Db,
	evidenceId: string,
	chosen: string[],
	sets = practiceStandardSets()
) {
	return readStandardChoices(sets, chosen, await standardsOf(db, evidenceId));
}

export interface StandardCoverage {
	ref: string;
	number: number;
	title: string;
	records: number;
	accepted: number;
}

/**
 * How many of a practitioner's submitted and accepted records show each item of each set's
 * current edition. Mappings to an earlier edition do not count towards the new wording.
 */
export async function standardsCoverage(db: Db, ownerId: string, sets: StandardSet[]) {
	const rows = await db
		.selectFrom('evidence_standards')
		.innerJoin('evidence', 'evidence.id', 'evidence_standards.evidence_id')
		.select((eb) => [
			'evidence_standards.set_id',
			'evidence_standards.set_version',
			'evidence_standards.item_ref',
			eb.fn.countAll<number>().as('records'),
			eb.fn
				.sum<number>(eb.case().when('evidence.status', '=', 'accepted').then(1).else(0).end())
				.as('accepted')
		])
		.where('evidence.owner_id', '=', ownerId)
		.where('evidence.status', 'in', countedStatuses)
		.groupBy([
			'evidence_standards.set_id',
			'evidence_standards.set_version',
			'evidence_standards.item_ref'
		])
		.execute();
	const key = (set: string, version: string, ref: string) => `${set} ${version} ${ref}`;
	const counts = new Map(rows.map((r) => [key(r.set_id, r.set_version, r.item_ref), r]));
	return sets.map((set) => ({
		id: set.id,
		title: set.title,
		version: set.version,
		items: set.items.map((item): StandardCoverage => {
			const count = counts.get(key(set.id, set.version, item.ref));
			return {
				ref: item.ref,
				number: item.number,
				title: item.title,
				records: Number(count?.records ?? 0),
				accepted: Number(count?.accepted ?? 0)
			};
		})
	}));
}
