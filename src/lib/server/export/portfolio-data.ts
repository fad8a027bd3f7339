import type { Db } from '../db';
import type { Evidence } from '../db/schema';
import { timestamp } from '../db/time';
import { getFramework } from '../framework';
import { downloadName } from '../portfolio/file-type';
import { groupedBy } from '$lib/grouped';
import { recordHistories } from './record-history';
import { listSignoffs } from './signoff-history';
import {
	portfolioSchemaName,
	portfolioSchemaVersion,
	type PortfolioFile,
	type PortfolioRecord
} from './portfolio-schema';
import { byNumber } from '$lib/order';

// A person's portfolio as `portfolio.json` holds it: every record with its mapping, standards,
// files, and history, and their sign-offs. Read in a few queries for the whole portfolio (each
// joined on the owner), not one per record, so a portfolio of hundreds of records reads quickly.

/**
 * Where a file's bytes go in the ZIP: a folder of its own, so two files of one name never
 * clash, under the name it downloads as (so a text file called run.bat opens as text).
 */
export const zipPathOf = (file: { id: string; name: string; mime: string }) =>
	`files/${file.id}/${downloadName(file.name, file.mime).replace(/[/\\]/g, '_')}`;

async function mappingsOf(db: Db, ownerId: string) {
	const outcomes = await db
		.selectFrom('evidence_outcomes')
		.innerJoin('evidence', 'evidence.id', 'evidence_outcomes.evidence_id')
		.select(['evidence_id', 'framework_version', 'outcome_id'])
		.where('evidence.owner_id', '=', ownerId)
		.execute();
	const statements = await db
		.selectFrom('evidence_statements')
		.innerJoin('evidence', 'evidence.id', 'evidence_statements.evidence_id')
		.select(['evidence_id', 'outcome_id', 'statement_id'])
		.where('evidence.owner_id', '=', ownerId)
		.execute();
	const standards = await db
		.selectFrom('evidence_standards')
		.innerJoin('evidence', 'evidence.id', 'evidence_standards.evidence_id')
		.select(['evidence_id', 'set_id', 'set_version', 'item_ref'])
		.where('evidence.owner_id', '=', ownerId)
		.orderBy('set_id')
		.orderBy('item_ref')
		.execute();
	const outcomesOf = groupedBy(outcomes, (o) => o.evidence_id);
	const statementsOf = groupedBy(statements, (s) => s.evidence_id);
	const standardsOf = groupedBy(standards, (s) => s.evidence_id);
	return (evidenceId: string): Pick<PortfolioRecord, 'mapping' | 'standards'> => {
		const mine = outcomesOf(evidenceId);
		return {
			mapping: {
				frameworkVersion: mine[0]?.framework_version ?? null,
				outcomes: mine.map((o) => o.outcome_id).sort(byNumber),
				statements: statementsOf(evidenceId)
					.map((s) => ({ outcomeId: s.outcome_id, statementId: s.statement_id }))
					.sort((a, b) => byNumber(a.statementId, b.statementId))
			},
			standards: standardsOf(evidenceId).map((s) => ({
				setId: s.set_id,
				setVersion: s.set_version,
				ref: s.item_ref
			}))
		};
	};
}

/** Each record's current files, oldest first (files added together by name). */
export async function filesOf(db: Db, ownerId: string) {
	const rows = await db
		.selectFrom('attachments')
		.innerJoin('evidence', 'evidence.id', 'attachments.evidence_id')
		.select([
			'attachments.id',
			'attachments.evidence_id',
			'attachments.file_hash',
			'attachments.name',
			'attachments.mime',
			'attachments.size',
			'attachments.created_at'
		])
		.where('evidence.owner_id', '=', ownerId)
		.where('attachments.removed_at', 'is', null)
		.orderBy('attachments.created_at')
		.orderBy('attachments.name')
		.orderBy('attachments.id')
		.execute();
	return rows.map((row) => ({ ...row, path: zipPathOf(row) }));
}

/** What a record says: the fields an import carries, as they are. */
function contentOf(row: Evidence) {
	return {
		id: row.id,
		title: row.title,
		activityDate: row.activity_date,
		type: row.type as PortfolioRecord['type'],
		account: row.account,
		reflectionModel: row.reflection_model as PortfolioRecord['reflectionModel'],
		reflection: JSON.parse(row.reflection) as Record<string, string>,
		cpd: {
			type: row.cpd_type as PortfolioRecord['cpd']['type'],
			relevance: row.cpd_relevance,
			learning: row.cpd_learning,
			impact: row.cpd_impact,
			peerReflected: row.peer_reflected === null ? null : row.peer_reflected === 1,
			peerReflection: row.peer_reflection,
			minutes: row.cpd_minutes
		},
		createdAt: row.created_at,
		updatedAt: row.updated_at
	};
}

/** The portfolio as `portfolio.json` holds it; `origin` is this service's address. */
export async function readPortfolio(
	db: Db,
	ownerId: string,
	origin: string,
	now = new Date()
): Promise<PortfolioFile> {
	const person = await db
		.selectFrom('users')
		.select(['name', 'email', 'swe_number', 'career_stage'])
		.where('id', '=', ownerId)
		.executeTakeFirstOrThrow();
	const evidence = await db
		.selectFrom('evidence')
		.selectAll()
		.where('owner_id', '=', ownerId)
		.orderBy('activity_date')
		.orderBy('created_at')
		.orderBy('id')
		.execute();
	const mappingOf = await mappingsOf(db, ownerId);
	const files = groupedBy(await filesOf(db, ownerId), (f) => f.evidence_id);
	const histories = await recordHistories(db, ownerId);
	const records = evidence.map((row): PortfolioRecord => ({
		...contentOf(row),
		...mappingOf(row.id),
		files: files(row.id).map((f) => ({
			name: f.name,
			mime: f.mime,
			size: Number(f.size),
			sha256: f.file_hash,
			path: f.path,
			addedAt: f.created_at
		})),
		...histories(row)
	}));
	return {
		schema: portfolioSchemaName,
		version: portfolioSchemaVersion,
		exportedAt: timestamp(now),
		exportedFrom: origin,
		person: {
			name: person.name,
			email: person.email,
			sweNumber: person.swe_number,
			careerStage: person.career_stage
		},
		frameworkVersion: getFramework()!.version.id,
		records,
		signoffs: await listSignoffs(db, ownerId)
	};
}
