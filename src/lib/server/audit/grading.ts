import { deriveGrades, type AreaGrade, type Grade } from '$lib/audit/grades';
import { inTransaction, type Db } from '../db';
import { insertRows } from '../db/batches';
import { recordEvent } from '../db/events';
import { timestamp } from '../db/time';
import { auditRefusal, audited, draftAudit } from './audits';
import type { AuditDefinition } from './definition';

type Stage = 'audit' | 'moderation';

export interface AreaGradeInput {
	grade: AreaGrade;
	evidence: string;
}

/**
 * Saves one stage's grades (the auditor's, or the moderator's) with the cascade applied, and
 * returns the derived overall grade. The auditor's grades can change only while in draft.
 */
export async function saveGrades(
	db: Db,
	definition: AuditDefinition,
	actorId: string,
	id: string,
	stage: Stage,
	input: {
		grades: Record<string, AreaGradeInput>;
		grip: boolean;
		gripReason: string;
		comments?: string;
	},
	now = new Date()
) {
	return inTransaction(db, async (tx) => {
		const audit = stage === 'audit' ? await draftAudit(tx, id) : await audited(tx, id);
		if (!audit) throw auditRefusal('There is no such audit.');
		if (stage === 'moderation' && audit.status !== 'finalised')
			throw auditRefusal('Only a finalised audit can be moderated.');
		const grip = stage === 'audit' ? input.grip : Boolean(audit.grip);
		const recorded = Object.fromEntries(
			Object.entries(input.grades).map(([area, g]) => [area, g.grade])
		);
		const derived = deriveGrades(definition.areas, recorded, grip);
		await replaceGrades(tx, definition, id, stage, input.grades, derived.areas);
		await setOverall(tx, actorId, id, stage, { ...input, grip }, derived.overall, now);
		await recordEvent(
			tx,
			{
				actorId,
				action: stage === 'audit' ? 'audit.graded' : 'audit.moderated',
				subjectType: 'audit',
				subjectId: id,
				detail: { overall: derived.overall ?? null, cascaded: derived.cascaded }
			},
			now
		);
		return derived;
	});
}

/** The stage's grades as recorded, each with its effective grade after the cascade. */
async function replaceGrades(
	tx: Db,
	definition: AuditDefinition,
	id: string,
	stage: Stage,
	grades: Record<string, AreaGradeInput>,
	effective: Record<string, AreaGrade | undefined>
) {
	await tx
		.deleteFrom('audit_grades')
		.where('audit_id', '=', id)
		.where('stage', '=', stage)
		.execute();
	const rows = definition.areas
		.filter((area) => grades[area.id])
		.map((area) => ({
			audit_id: id,
			stage,
			area_id: area.id,
			grade: grades[area.id].grade,
			effective_grade: effective[area.id]!,
			evidence: grades[area.id].evidence
		}));
	await insertRows(tx, 'audit_grades', rows);
}

/** The overall grade on the audit: the auditor's with the grip, or the moderator's. */
async function setOverall(
	tx: Db,
	actorId: string,
	id: string,
	stage: Stage,
	input: { grip: boolean; gripReason: string; comments?: string },
	overall: Grade | undefined,
	now: Date
) {
	if (stage === 'audit') {
		await tx
			.updateTable('audits')
			.set({
				grip: input.grip ? 1 : 0,
				grip_reason: input.grip ? input.gripReason : '',
				overall_grade: overall ?? null,
				updated_at: timestamp(now)
			})
			.where('id', '=', id)
			.execute();
	} else {
		await tx
			.updateTable('audits')
			.set({
				moderated_overall_grade: overall ?? null,
				moderation_comments: input.comments ?? '',
				moderated_by: actorId,
				moderated_at: timestamp(now),
				updated_at: timestamp(now)
			})
			.where('id', '=', id)
			.execute();
	}
}
