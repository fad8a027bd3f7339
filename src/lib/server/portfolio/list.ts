import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, Db } from '../db';
import { prepared } from '../db/prepared';
import { mappingIn, sourcesOf } from '../framework/crosswalk';
import type { Crosswalk, Framework } from '../framework/schema';
import { practiceStandardSets } from '../standards';
import { byRecord, mappedIds } from './mappings';
import { findItem } from '../standards/mapping';
import { byNumber } from '$lib/order';

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

/**
 * The framework version a list is read in, with every version and crosswalk: a record mapped in
 * another version shows, and is found by outcome, as that version reads it.
 */
export interface VersionView {
	version: string;
	frameworks: Framework[];
	crosswalks: Crosswalk[];
}

/**
 * A practitioner's own records, newest activity first, filtered and searched. Without `view`,
 * outcomes are the ids the records were mapped to, in whatever version.
 */
export async function listEvidence(
	db: Db,
	ownerId: string,
	filters: EvidenceFilters = {},
	view?: VersionView,
	limit = 200
) {
	const rows = Object.values(filters).some(Boolean)
		? await recordsOf(db, ownerId, limit).where(matching(filters, view)).execute()
		: await allRecordsOf(db, ownerId, limit);
	if (rows.length === 0) return [];
	const outcomes = await mappedOutcomes(
		db,
		rows.map((r) => r.id),
		view
	);
	return rows.map((row) => ({
		...row,
		outcomes: [...(outcomes.get(row.id) ?? [])].sort(byNumber)
	}));
}

/** A practitioner's records, newest activity first: to filter, or all of them (built once). */
const recordsOf = (db: Db, ownerId: string, limit: number) =>
	db
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
		.orderBy('activity_date', 'desc')
		.orderBy('updated_at', 'desc')
		.limit(limit);
const allRecordsOf = prepared(recordsOf);

/** A practitioner's records, newest activity first, without their outcomes. */
export const listRecords = (db: Db, ownerId: string, limit = 200) =>
	allRecordsOf(db, ownerId, limit);

/** The outcomes and statements records were mapped to, as `mappedIds` gives them (built once). */
const mappingsOf = prepared((db, ids: readonly string[]) =>
	mappedIds(db).selectAll().where('m.evidence_id', 'in', ids)
);

/** Each record's outcomes: as mapped, or as the view's version reads them. */
async function mappedOutcomes(db: Db, ids: string[], view?: VersionView) {
	const rows = await mappingsOf(db, ids);
	const records = byRecord(rows);
	const outcomes = new Map<string, Set<string>>();
	for (const [id, mapped] of records)
		outcomes.set(
			id,
			view
				? mappingIn(view.crosswalks, view.version, mapped).outcomes
				: // As mapped: the outcomes alone, as a statement's id has a space and an outcome's none.
					new Set(mapped.flatMap((m) => m.ids).filter((i) => !i.includes(' ')))
		);
	return outcomes;
}

type EvidenceWhere = ExpressionBuilder<Database, 'evidence'>;

/** The records the filters select: by type, status and dates, by mapping, and by search words. */
function matching(filters: EvidenceFilters, view?: VersionView) {
	return (eb: EvidenceWhere) => {
		const conditions: Expression<SqlBool>[] = [];
		if (filters.type) conditions.push(eb('type', '=', filters.type));
		if (filters.status) conditions.push(eb('status', '=', filters.status as 'draft'));
		if (filters.from) conditions.push(eb('activity_date', '>=', filters.from));
		if (filters.to) conditions.push(eb('activity_date', '<=', filters.to));
		if (filters.outcome)
			conditions.push(
				view ? mappedInView(eb, filters.outcome, view) : mappedTo(eb, filters.outcome)
			);
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

/** Mapped to anything the view's version reads as the outcome, in any version. */
function mappedInView(eb: EvidenceWhere, outcome: string, view: VersionView) {
	const sources = sourcesOf(view, view.version, outcome);
	if (sources.length === 0) return sql<SqlBool>`1 = 0`;
	return eb.or(
		sources.flatMap(({ version, ids }) => [
			eb.exists(
				eb
					.selectFrom('evidence_outcomes')
					.select('evidence_id')
					.whereRef('evidence_id', '=', 'evidence.id')
					.where('framework_version', '=', version)
					.where('outcome_id', 'in', ids)
			),
			eb.exists(
				eb
					.selectFrom('evidence_statements')
					.select('evidence_id')
					.whereRef('evidence_id', '=', 'evidence.id')
					.where('framework_version', '=', version)
					.where('statement_id', 'in', ids)
			)
		])
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
