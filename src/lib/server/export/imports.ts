import type { Db } from '../db';
import { checkAnonymity } from '../portfolio/anonymity';
import { getEvidence } from '../portfolio/evidence';
import { textsOf } from '../portfolio/evidence-form';
import { parseSummary } from './import-summary';
import { signoffSchema } from './portfolio-schema';
import { parseHistory } from './record-history';

// Reading imports back: a person's list, one import with what it made and what to check in it,
// and a record's history at the authority it came from.

/** A person's imports, newest first. */
export async function listImports(db: Db, userId: string) {
	const rows = await db
		.selectFrom('portfolio_imports')
		.select(['id', 'file_name', 'origin', 'imported_at', 'summary'])
		.where('user_id', '=', userId)
		.orderBy('imported_at', 'desc')
		.execute();
	return rows.map(({ summary, ...row }) => ({
		...row,
		records: parseSummary(summary).records.length
	}));
}

/** One of a person's imports, with its records as they are now; undefined when not theirs. */
export async function getImport(db: Db, userId: string, importId: string) {
	const row = await db
		.selectFrom('portfolio_imports')
		.selectAll()
		.where('id', '=', importId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	if (!row) return undefined;
	const records = await db
		.selectFrom('imported_evidence')
		.innerJoin('evidence', 'evidence.id', 'imported_evidence.evidence_id')
		.select(['evidence.id', 'evidence.title', 'evidence.status'])
		.where('imported_evidence.import_id', '=', importId)
		.execute();
	const signoffs = await db
		.selectFrom('imported_signoffs')
		.select(['entry', 'origin', 'evidence_ids'])
		.where('import_id', '=', importId)
		.orderBy('origin')
		.orderBy('sequence')
		.execute();
	return {
		...row,
		summary: parseSummary(row.summary),
		records,
		signoffs: signoffs.map((s) => ({
			...signoffSchema.parse(JSON.parse(s.entry)),
			origin: s.origin,
			evidenceIds: JSON.parse(s.evidence_ids) as string[]
		}))
	};
}

/** A record's history at the authority it was imported from; undefined for a record made here. */
export async function importedHistory(db: Db, evidenceId: string) {
	const row = await db
		.selectFrom('imported_evidence')
		.innerJoin('portfolio_imports', 'portfolio_imports.id', 'imported_evidence.import_id')
		.select([
			'imported_evidence.history',
			'portfolio_imports.origin',
			'portfolio_imports.exported_at',
			'portfolio_imports.imported_at'
		])
		.where('imported_evidence.evidence_id', '=', evidenceId)
		.executeTakeFirst();
	if (!row) return undefined;
	return {
		origin: row.origin,
		exportedAt: row.exported_at,
		importedAt: row.imported_at,
		history: parseHistory(row.history)
	};
}

/**
 * What the anonymity check finds in an import's records that are still drafts, as it finds in
 * typed text: said, not blocked; submitting a record asks to change or confirm each.
 */
export async function importFindings(
	db: Db,
	records: { id: string; status: string }[],
	ownerName: string
) {
	const found = [];
	for (const { id } of records.filter((r) => r.status === 'draft')) {
		const record = await getEvidence(db, id);
		if (!record) continue;
		const findings = checkAnonymity(textsOf(record), { allowedNames: [ownerName] });
		if (findings.length) found.push({ id, title: record.title, findings });
	}
	return found;
}
