import { sql } from 'kysely';
import type { Db } from '../db';
import { countRecords } from './erase-records';

/**
 * What erasing a person would take away and what it would keep, in counts, for the page that
 * asks an administrator to confirm it.
 */
export async function erasureSummary(db: Db, personId: string) {
	const count = async (query: ReturnType<typeof sql<{ n: number | string }>>) =>
		Number((await query.execute(db)).rows[0]?.n ?? 0);
	return {
		goes: await countRecords(db, personId),
		stays: {
			/** Entries of their own sign-off chain: kept with their hashes, the rationale erased. */
			signoffs: await count(
				sql`select count(*) as n from signoffs where practitioner_id = ${personId}`
			),
			/** Audits of their casework, kept for the audit period. */
			audits: await count(
				sql`select count(*) as n from audits where practitioner_id = ${personId}`
			),
			/** What they wrote on others' records: comments, supervision records, sign-offs. */
			writtenForOthers:
				(await count(sql`select count(*) as n from evidence_comments c join evidence e
					on e.id = c.evidence_id where c.author_id = ${personId} and e.owner_id <> ${personId}`)) +
				(await count(sql`select count(*) as n from supervision_records
					where supervisor_id = ${personId} and practitioner_id <> ${personId}`)) +
				(await count(sql`select count(*) as n from signoffs
					where actor_id = ${personId} and practitioner_id <> ${personId}`))
		}
	};
}
