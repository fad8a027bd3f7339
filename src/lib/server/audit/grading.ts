import { deriveGrades, type AreaGrade } from '$lib/audit/grades';
import { inTransaction, type Db } from '../db';
import { recordEvent } from '../db/events';
import { timestamp } from '../db/time';
import { auditRefusal, audited, draftAudit } from './audits';
import type { AuditDefinition } from './definition';

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
	stage: 'audit' | 'moderation',
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
		await tx
			.deleteFrom('audit_grades')
			.where('audit_id', '=', id)
			.where('stage', '=', stage)
			.execute();
		const rows = definition.areas
			.filter((area) => input.grades[area.id])
			.map((area) => ({
				audit_id: id,
				stage,
				area_id: area.id,
				grade: input.grades[area.id].grade,
				effective_grade: derived.areas[area.id]!,
				evidence: input.grades[area.id].evidence
			}));
		if (rows.length) await tx.insertInto('audit_grades').values(rows).execute();
		if (stage === 'audit') {
			await tx
				.updateTable('audits')
				.set({
					grip: grip ? 1 : 0,
					grip_reason: grip ? input.gripReason : '',
					overall_grade: derived.overall ?? null,
					updated_at: timestamp(now)
				})
				.where('id', '=', id)
				.execute();
		} else {
			await tx
				.updateTable('audits')
				.set({
					moderated_overall_grade: derived.overall ?? null,
					moderation_comments: input.comments ?? '',
					moderated_by: actorId,
					moderated_at: timestamp(now),
					updated_at: timestamp(now)
				})
				.where('id', '=', id)
				.execute();
		}
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
