import { byNumber } from '$lib/order';
import type { Db } from '../db';
import { prepared } from '../db/prepared';
import { mappingIn } from '../framework/crosswalk';
import type { Crosswalk, Framework } from '../framework/schema';
import { countedStatuses, coverageOf, coverageTable, type CountedRecord } from './coverage';
import { listRecords } from './list';
import { byRecord, ownerMappings } from './mappings';

/**
 * A practitioner's portfolio as their supervisors and assessors, and the principal social worker,
 * see it: the coverage table (`coverageTable` of `coverageFor`) and the records they have
 * submitted (drafts are their own until then), newest activity first, each with the outcomes it
 * shows as the version reads it (as `listEvidence` gives them). The mappings are read once for
 * both, where coverage and the list read them apart (a supervisee's page: one query of twenty).
 */
export async function portfolioSeenByOthers(
	db: Db,
	ownerId: string,
	framework: Framework,
	crosswalks: Crosswalk[]
) {
	const version = framework.version.id;
	const [rows, records] = await Promise.all([
		submittedMappings(db, ownerId),
		listRecords(db, ownerId)
	]);
	const status = new Map(rows.map((row) => [row.evidence_id, row.status]));
	const outcomes = new Map<string, string[]>();
	const counted: CountedRecord[] = [];
	for (const [id, mapped] of byRecord(rows)) {
		const read = mappingIn(crosswalks, version, mapped);
		outcomes.set(id, [...read.outcomes].sort(byNumber));
		const of = status.get(id)!;
		if ((countedStatuses as readonly string[]).includes(of))
			counted.push({ accepted: of === 'accepted', read });
	}
	return {
		domains: coverageTable(await coverageOf(db, ownerId, framework, counted, { ratings: false })),
		records: records
			.filter((r) => r.status !== 'draft')
			.map((r) => ({ ...r, outcomes: outcomes.get(r.id) ?? [] }))
	};
}

/** The mappings of a practitioner's records other than drafts, with their status (built once). */
const submittedMappings = prepared((db, ownerId: string) =>
	ownerMappings(db, ownerId).where('evidence.status', '!=', 'draft')
);
