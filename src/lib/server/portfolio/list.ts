import { sql } from 'kysely';
import type { Db } from '../db';
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
	let query = db
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
		.where('owner_id', '=', ownerId);
	if (filters.type) query = query.where('type', '=', filters.type);
	if (filters.status) query = query.where('status', '=', filters.status as 'draft');
	if (filters.from) query = query.where('activity_date', '>=', filters.from);
	if (filters.to) query = query.where('activity_date', '<=', filters.to);
	if (filters.outcome) {
		const outcome = filters.outcome;
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('evidence_outcomes')
					.select('evidence_id')
					.whereRef('evidence_id', '=', 'evidence.id')
					.where('outcome_id', '=', outcome)
			)
		);
	}
	if (filters.standard) {
		const ref = filters.standard;
		const version = findItem(practiceStandardSets(), ref)?.set.version ?? '';
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('evidence_standards')
					.select('evidence_id')
					.whereRef('evidence_id', '=', 'evidence.id')
					.where('item_ref', '=', ref)
					.where('set_version', '=', version)
			)
		);
	}
	for (const word of (filters.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
		// Every word must appear somewhere in the record's own text.
		const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		// An explicit ESCAPE, because SQLite has no default escape character and PostgreSQL does.
		query = query.where((eb) =>
			eb.or(
				searched.map((column) =>
					eb(sql<string>`lower(${sql.ref(column)})`, 'like', sql<string>`${like} escape '\\'`)
				)
			)
		);
	}
	const rows = await query
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
