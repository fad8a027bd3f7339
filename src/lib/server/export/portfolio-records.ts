import type { EvidenceStatus } from '$lib/portfolio/vocabulary';
import type { Db } from '../db';
import { batches } from '../db/batches';
import { getFramework } from '../framework';
import type { DateRange } from '../portfolio/coverage';
import { practiceStandardSets } from '../standards';
import { nameMappedStandards } from '../standards/mapping';

// A practitioner's records in full, as a PDF or an export sets them out: every field, the
// outcomes and statements each is mapped to (named in the framework version it was mapped to),
// local standards, the review, comments and files. A few queries for any number of records.

export interface RecordFilter {
	statuses?: readonly EvidenceStatus[];
	range?: DateRange;
}

/** Their records, oldest activity first. */
export async function fullRecords(db: Db, ownerId: string, filter: RecordFilter = {}) {
	const rows = await db
		.selectFrom('evidence')
		.leftJoin('users as reviewer', 'reviewer.id', 'evidence.reviewed_by')
		.selectAll('evidence')
		.select('reviewer.name as reviewerName')
		.where('evidence.owner_id', '=', ownerId)
		.$if(filter.statuses !== undefined, (q) => q.where('evidence.status', 'in', filter.statuses!))
		.$if(filter.range !== undefined, (q) =>
			q
				.where('evidence.activity_date', '>=', filter.range!.from)
				.where('evidence.activity_date', '<=', filter.range!.to)
		)
		.orderBy('evidence.activity_date')
		.orderBy('evidence.created_at')
		.execute();
	const parts = await recordParts(
		db,
		rows.map((r) => r.id)
	);
	return rows.map((row) => ({
		...row,
		reflection: JSON.parse(row.reflection) as Record<string, string>,
		mapping: mappingOf(parts.outcomes.get(row.id) ?? [], parts.statements.get(row.id) ?? []),
		standards: nameMappedStandards(
			practiceStandardSets(),
			(parts.standards.get(row.id) ?? []).map((s) => ({
				setId: s.set_id,
				setVersion: s.set_version,
				ref: s.item_ref
			}))
		).map((s) => `${s.setTitle}, ${s.label}`),
		comments: parts.comments.get(row.id) ?? [],
		attachments: parts.attachments.get(row.id) ?? []
	}));
}

export type FullRecord = Awaited<ReturnType<typeof fullRecords>>[number];

/** The rows of each kind that belong to these records, grouped by record. */
async function recordParts(db: Db, ids: string[]) {
	const groups = batches(ids, 500);
	const each = async <T extends { evidence_id: string }>(query: (ids: string[]) => Promise<T[]>) =>
		byRecord((await Promise.all(groups.map(query))).flat());
	return {
		outcomes: await each((ids) =>
			db.selectFrom('evidence_outcomes').selectAll().where('evidence_id', 'in', ids).execute()
		),
		statements: await each((ids) =>
			db.selectFrom('evidence_statements').selectAll().where('evidence_id', 'in', ids).execute()
		),
		standards: await each((ids) =>
			db.selectFrom('evidence_standards').selectAll().where('evidence_id', 'in', ids).execute()
		),
		attachments: await each((ids) =>
			db
				.selectFrom('attachments')
				.select(['evidence_id', 'id', 'name', 'mime', 'size', 'created_at', 'file_hash'])
				.where('evidence_id', 'in', ids)
				.where('removed_at', 'is', null)
				.orderBy('created_at')
				.execute()
		),
		comments: await each((ids) =>
			db
				.selectFrom('evidence_comments')
				.innerJoin('users', 'users.id', 'evidence_comments.author_id')
				.select(['evidence_id', 'body', 'evidence_comments.created_at', 'users.name as authorName'])
				.where('evidence_id', 'in', ids)
				.orderBy('evidence_comments.created_at')
				.execute()
		)
	};
}

function byRecord<T extends { evidence_id: string }>(rows: T[]) {
	const grouped = new Map<string, T[]>();
	for (const row of rows)
		grouped.set(row.evidence_id, [...(grouped.get(row.evidence_id) ?? []), row]);
	return grouped;
}

const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * The outcomes a record is mapped to, with the statements shown under each, named in the
 * framework version of the mapping; an outcome or version no longer known is named by its id.
 */
function mappingOf(
	outcomes: { framework_version: string; outcome_id: string }[],
	statements: { outcome_id: string; statement_id: string }[]
) {
	const version = outcomes[0]?.framework_version;
	if (!version) return null;
	const framework = getFramework(version);
	const known = new Map(framework?.domains.flatMap((d) => d.outcomes).map((o) => [o.id, o]));
	return {
		framework: framework?.version.shortTitle ?? version,
		outcomes: outcomes
			.map((o) => o.outcome_id)
			.sort(byNumber)
			.map((id) => {
				const outcome = known.get(id);
				const shown = statements.filter((s) => s.outcome_id === id).map((s) => s.statement_id);
				return {
					id,
					title: outcome?.title ?? '',
					statements: shown.sort(byNumber).map((statementId) => ({
						id: statementId,
						text: outcome?.statements.find((s) => s.id === statementId)?.text ?? ''
					}))
				};
			})
	};
}
