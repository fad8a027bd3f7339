import type { Db } from '../db';
import { observerName } from '../observation/observer-name';
import type { Evidence } from '../db/schema';
import { groupedBy } from '$lib/grouped';
import { historySchema, type PortfolioHistory, type PortfolioRecord } from './portfolio-schema';

// What happened to each record: its status and review, the comments on it and the observation
// it records, here; and, for a record imported from another authority, its history there.

async function commentsOf(db: Db, ownerId: string) {
	const rows = await db
		.selectFrom('evidence_comments')
		.innerJoin('evidence', 'evidence.id', 'evidence_comments.evidence_id')
		.innerJoin('users', 'users.id', 'evidence_comments.author_id')
		.select([
			'evidence_comments.evidence_id',
			'evidence_comments.body',
			'evidence_comments.created_at',
			'users.name'
		])
		.where('evidence.owner_id', '=', ownerId)
		.orderBy('evidence_comments.created_at')
		.orderBy('evidence_comments.id')
		.execute();
	return groupedBy(rows, (r) => r.evidence_id);
}

async function observationsOf(db: Db, ownerId: string) {
	const rows = await db
		.selectFrom('observations')
		.leftJoin('users', 'users.id', 'observations.observer_id')
		.selectAll('observations')
		.select(observerName.as('name'))
		.where('practitioner_id', '=', ownerId)
		.execute();
	return groupedBy(rows, (r) => r.evidence_id);
}

async function reviewersOf(db: Db, ownerId: string) {
	const rows = await db
		.selectFrom('evidence')
		.innerJoin('users', 'users.id', 'evidence.reviewed_by')
		.select(['evidence.id', 'users.name'])
		.where('evidence.owner_id', '=', ownerId)
		.execute();
	return new Map(rows.map((r) => [r.id, r.name]));
}

async function importsOf(db: Db, ownerId: string) {
	const rows = await db
		.selectFrom('imported_evidence')
		.innerJoin('portfolio_imports', 'portfolio_imports.id', 'imported_evidence.import_id')
		.select([
			'imported_evidence.evidence_id',
			'imported_evidence.history',
			'imported_evidence.original_id',
			'portfolio_imports.origin',
			'portfolio_imports.exported_at',
			'portfolio_imports.imported_at'
		])
		.where('portfolio_imports.user_id', '=', ownerId)
		.execute();
	return new Map(rows.map((r) => [r.evidence_id, r]));
}

/** Each of a person's records' history, for `portfolio.json`. */
export async function recordHistories(db: Db, ownerId: string) {
	const comments = await commentsOf(db, ownerId);
	const observations = await observationsOf(db, ownerId);
	const reviewers = await reviewersOf(db, ownerId);
	const imports = await importsOf(db, ownerId);
	return (row: Evidence): Pick<PortfolioRecord, 'history' | 'importedFrom'> => {
		const observed = observations(row.id)[0];
		const reviewer = reviewers.get(row.id);
		const imported = imports.get(row.id);
		return {
			history: {
				status: row.status,
				submittedAt: row.submitted_at,
				review:
					reviewer && row.reviewed_at
						? { by: reviewer, at: row.reviewed_at, feedback: row.review_feedback ?? '' }
						: null,
				comments: comments(row.id).map((c) => ({ by: c.name, at: c.created_at, body: c.body })),
				observation: observed
					? {
							by: observed.name,
							observedOn: observed.observed_on,
							setting: observed.setting,
							wentWell: observed.went_well,
							toDevelop: observed.to_develop,
							reflection: observed.practitioner_reflection
						}
					: null
			},
			importedFrom: imported
				? {
						...parseHistory(imported.history),
						originalId: imported.original_id,
						origin: imported.origin,
						exportedAt: imported.exported_at,
						importedAt: imported.imported_at
					}
				: null
		};
	};
}

/** A record's history at another authority, as an import kept it. */
export function parseHistory(json: string): PortfolioHistory {
	return historySchema.parse(JSON.parse(json));
}
