import type { Db } from '../db';
import { batches } from '../db/batches';
import { newId } from '../db/ids';
import { verifyChains } from '../signoff/chain.js';
import type { RecordReport, SignoffReport } from './import-summary';
import type { PortfolioFile, PortfolioSignoff } from './portfolio-schema';

// The sign-offs an imported portfolio brings are history: what an assessor at another authority
// decided, shown as that, never a sign-off here (nobody here signed anything off). Each keeps
// the entry as the file gave it, hash and all, and the ids here of the records it cited.

/** Whether the entries made where the file was exported still check out as a chain. */
function checkChain(entries: PortfolioSignoff[]): Pick<SignoffReport, 'check' | 'problems'> {
	if (entries.length === 0) return { check: 'none', problems: [] };
	const problems = verifyChains(
		entries.map((s) => ({
			id: s.id,
			practitioner_id: s.practitionerId,
			sequence: s.sequence,
			framework_version: s.frameworkVersion,
			outcome_id: s.outcomeId,
			action: s.action,
			rationale: s.rationale,
			evidence_ids: JSON.stringify(s.evidenceIds),
			actor_id: s.actorId,
			created_at: s.at,
			previous_hash: s.previousHash,
			hash: s.hash
		}))
	).map((p) => `Entry ${p.sequence} ${p.problem}.`);
	return { check: problems.length ? 'broken' : 'verified', problems };
}

/** In the import's transaction: the sign-offs as history, with what their hashes say. */
export async function importSignoffs(
	tx: Db,
	importId: string,
	data: PortfolioFile,
	records: RecordReport[]
): Promise<SignoffReport> {
	const here = new Map(data.records.map((r, i) => [r.id, records[i].evidenceId]));
	const earlier = new Map(
		data.records.flatMap((r, i) =>
			r.importedFrom ? [[r.importedFrom.originalId, records[i].evidenceId] as const] : []
		)
	);
	const rows = data.signoffs.map((s) => ({
		id: newId(),
		import_id: importId,
		origin: s.origin ?? data.exportedFrom,
		sequence: s.sequence,
		framework_version: s.frameworkVersion,
		outcome_id: s.outcomeId,
		signed_at: s.at,
		evidence_ids: JSON.stringify(
			s.evidenceIds.flatMap((id) => (s.origin ? earlier : here).get(id) ?? [])
		),
		entry: JSON.stringify(s)
	}));
	for (const group of batches(rows))
		await tx.insertInto('imported_signoffs').values(group).execute();
	const made = checkChain(data.signoffs.filter((s) => s.origin === null));
	return { count: rows.length, ...made };
}
