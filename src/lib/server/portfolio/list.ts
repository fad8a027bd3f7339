import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, Db } from '../db';
import { practiceStandardSets } from '../standards';
import { findItem } from '../standards/mapping';

const searched = [
	'title',
	'account',
	'reflection',
	'cpd_relevance',
	'cpd_learning',
	'cpd_impact',
	'peer_reflection'
] as const;

export interface EvidenceFilters {
	type?: string;
	outcome?: string;
	/** An item of a practice-standards set, e.g. `knowsley-3`, in its current edition. */
	standard?: string;
	status?: string;
	from?: string;
	to?: string;
	q?: string;
}

/** A practitioner's own records, newest activity first, filtered and searched. */
export async function listEvidence(
	db: Db,
	ownerId: string,
	filters: EvidenceFilters = {},
	limit = 200
) {
	const rows = await db
		.selectFrom('evidence')
		.select([
			'evidence.id',
			'title',
			'activity_date',
			'type',
			'status',
			'updated_at',
			'submitted_at'
		])
		.where('owner_id', '=', ownerId)
		.where(matching(filters))
		.orderBy('activity_date', 'desc')
		.orderBy('updated_at', 'desc')
		.limit(limit)
		.execute();
	if (rows.length === 0) return [];
	const outcomes = await db
		.selectFrom('evidence_outcomes')
		.select(['evidence_id', 'outcome_id'])
		.where(
			'evidence_id',
			'in',
			rows.map((r) => r.id)
		)
		.execute();
	return rows.map((row) => ({
		...row,
		outcomes: outcomes
			.filter((o) => o.evidence_id === row.id)
			.map((o) => o.outcome_id)
			.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
	}));
}

type EvidenceWhere = ExpressionBuilder<Database, 'evidence'>;

/** The records the filters select: by type, status and dates, by mapping, and by search words. */
function matching(filters: EvidenceFilters) {
	return (eb: EvidenceWhere) => {
		const conditions: Expression<SqlBool>[] = [];
		if (filters.type) conditions.push(eb('type', '=', filters.type));
		if (filters.status) conditions.push(eb('status', '=', filters.status as 'draft'));
		if (filters.from) conditions.push(eb('activity_date', '>=', filters.from));
		if (filters.to) conditions.push(eb('activity_date', '<=', filters.to));
		if (filters.outcome) conditions.push(mappedTo(eb, filters.outcome));
		if (filters.standard) conditions.push(mappedToStandard(eb, filters.standard));
		for (const word of (filters.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8))
			conditions.push(mentions(eb, word));
		return eb.and(conditions);
	};
}

function mappedTo(eb: EvidenceWhere, outcome: string) {
	return eb.exists(
		eb
			.selectFrom('evidence_outcomes')
			.select('evidence_id')
			.whereRef('evidence_id', '=', 'evidence.id')
			.where('outcome_id', '=', outcome)
	);
}

/** Mapped to a practice standard's item in the set's current edition. */
function mappedToStandard(eb: EvidenceWhere, ref: string) {
	const version = findItem(practiceStandardSets(), ref)?.set.version ?? '';
	return eb.exists(
		eb
			.selectFrom('evidence_standards')
			.select('evidence_id')
			.whereRef('evidence_id', '=', 'evidence.id')
			.where('item_ref', '=', ref)
			.where('set_version', '=', version)
	);
}

/** The word appears somewhere in the record's own text. */
function mentions(eb: EvidenceWhere, word: string) {
	const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	// An explicit ESCAPE, because SQLite has no default escape character and PostgreSQL does.
	return eb.or(
		searched.map((column) =>
			eb(sql<string>`lower(${sql.ref(column)})`, 'like', sql<string>`${like} escape '\\'`)
		)
	);
}
