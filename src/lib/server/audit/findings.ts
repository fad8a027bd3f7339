import type { Db } from '../db';
import { insertRows } from '../db/batches';
import { newId } from '../db/ids';
import { timestamp } from '../db/time';
import { changeDraft } from './audits';

export interface FindingInput {
	kind: 'strength' | 'development';
	text: string;
	frameworkVersion: string;
	outcomes: string[];
	standards: string[];
}

export async function addFinding(
	db: Db,
	actorId: string,
	auditId: string,
	input: FindingInput,
	now = new Date()
) {
	const id = newId();
	await changeDraft(db, auditId, now, async (tx) => {
		await tx
			.insertInto('audit_findings')
			.values({
				id,
				audit_id: auditId,
				kind: input.kind,
				text: input.text,
				created_at: timestamp(now)
			})
			.execute();
		const tags = [
			...input.outcomes.map((ref) => ({
				finding_id: id,
				kind: 'outcome' as const,
				ref,
				framework_version: input.frameworkVersion
			})),
			...input.standards.map((ref) => ({
				finding_id: id,
				kind: 'standard' as const,
				ref,
				framework_version: null
			}))
		];
		await insertRows(tx, 'audit_finding_tags', tags);
	});
	return id;
}

export async function removeFinding(db: Db, auditId: string, findingId: string, now = new Date()) {
	await changeDraft(db, auditId, now, async (tx) => {
		const finding = await tx
			.selectFrom('audit_findings')
			.select('id')
			.where('id', '=', findingId)
			.where('audit_id', '=', auditId)
			.executeTakeFirst();
		if (!finding) return;
		await tx.deleteFrom('audit_finding_tags').where('finding_id', '=', findingId).execute();
		await tx.deleteFrom('audit_findings').where('id', '=', findingId).execute();
	});
}
