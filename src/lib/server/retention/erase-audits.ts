import type { Db } from '../db';

/**
 * Deletes audits with their grades, findings, actions and the views given by link (and those
 * views' links), in the caller's transaction. What
 * came of them stays: a practitioner's learning need raised by a finding, and a supervision
 * record that discussed the audit, each keep their own text and lose the link.
 */
export async function eraseAudits(tx: Db, ids: string[]): Promise<void> {
	if (ids.length === 0) return;
	const findings = tx.selectFrom('audit_findings').select('id').where('audit_id', 'in', ids);
	await tx
		.updateTable('learning_needs')
		.set({ audit_id: null, finding_id: null })
		.where((eb) => eb.or([eb('audit_id', 'in', ids), eb('finding_id', 'in', findings)]))
		.execute();
	await tx
		.updateTable('supervision_records')
		.set({ audit_id: null })
		.where('audit_id', 'in', ids)
		.execute();
	await tx.deleteFrom('audit_finding_tags').where('finding_id', 'in', findings).execute();
	const voices = tx.selectFrom('audit_voices').select('id').where('audit_id', 'in', ids);
	await tx
		.deleteFrom('guest_links')
		.where('purpose', '=', 'audit-view')
		.where('subject_id', 'in', voices)
		.execute();
	await tx.deleteFrom('audit_voice_contacts').where('voice_id', 'in', voices).execute();
	for (const table of ['audit_findings', 'audit_grades', 'audit_actions', 'audit_voices'] as const)
		await tx.deleteFrom(table).where('audit_id', 'in', ids).execute();
	await tx.deleteFrom('audits').where('id', 'in', ids).execute();
}
