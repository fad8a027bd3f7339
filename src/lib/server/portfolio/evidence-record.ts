import type { Db } from '../db';
import type { Evidence } from '../db/schema';
import { readTextCheck, type TextCheck } from './file-check';
import { byNumber } from '$lib/order';

// Reading one evidence record whole: its fields, its mapping, its files and who wrote and
// reviewed it.

export interface EvidenceRecord extends Omit<Evidence, 'reflection'> {
	reflection: Record<string, string>;
	outcomes: string[];
	statements: { outcomeId: string; statementId: string }[];
	frameworkVersion: string | null;
	attachments: {
		id: string;
		name: string;
		mime: string;
		size: number;
		created_at: string;
		/** What the anonymity check found in its text; none for a file it did not check. */
		check?: TextCheck;
	}[];
	ownerName: string;
	reviewerName: string | null;
}

export async function getEvidence(db: Db, id: string): Promise<EvidenceRecord | undefined> {
	const row = await db
		.selectFrom('evidence')
		.innerJoin('users as owner', 'owner.id', 'evidence.owner_id')
		.leftJoin('users as reviewer', 'reviewer.id', 'evidence.reviewed_by')
		.selectAll('evidence')
		.select(['owner.name as ownerName', 'reviewer.name as reviewerName'])
		.where('evidence.id', '=', id)
		.executeTakeFirst();
	if (!row) return undefined;
	const outcomes = await db
		.selectFrom('evidence_outcomes')
		.selectAll()
		.where('evidence_id', '=', id)
		.execute();
	const statements = await db
		.selectFrom('evidence_statements')
		.selectAll()
		.where('evidence_id', '=', id)
		.execute();
	const attachments = await db
		.selectFrom('attachments')
		.select(['id', 'name', 'mime', 'size', 'created_at', 'text_check'])
		.where('evidence_id', '=', id)
		.where('removed_at', 'is', null)
		.orderBy('created_at')
		.execute();
	return {
		...row,
		reflection: JSON.parse(row.reflection) as Record<string, string>,
		outcomes: outcomes.map((o) => o.outcome_id).sort(byNumber),
		statements: statements
			.map((s) => ({ outcomeId: s.outcome_id, statementId: s.statement_id }))
			.sort((a, b) => byNumber(a.statementId, b.statementId)),
		frameworkVersion: outcomes[0]?.framework_version ?? null,
		attachments: attachments.map(({ text_check, ...file }) => ({
			...file,
			check: readTextCheck(text_check)
		}))
	};
}
