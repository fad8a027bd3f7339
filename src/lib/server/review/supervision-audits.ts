import type { Db } from '../db';
import { FieldError } from '../errors';

// A supervision record may cite a case audit of the practitioner's work that was discussed: one
// of their finalised audits (a draft is the auditor's until it is finalised).

/** The audits a supervision record of this practitioner may cite, the latest first. */
export function citableAudits(db: Db, practitionerId: string) {
	return db
		.selectFrom('audits')
		.select(['id', 'case_ref', 'audited_on', 'overall_grade', 'moderated_overall_grade'])
		.where('practitioner_id', '=', practitionerId)
		.where('status', '=', 'finalised')
		.orderBy('audited_on', 'desc')
		.orderBy('case_ref')
		.execute();
}

/** Refuses an audit that is not a finalised audit of this practitioner's work. */
export async function checkCitableAudit(tx: Db, practitionerId: string, auditId: string) {
	const audit = await tx
		.selectFrom('audits')
		.select(['practitioner_id', 'status'])
		.where('id', '=', auditId)
		.executeTakeFirst();
	if (!audit || audit.practitioner_id !== practitionerId || audit.status !== 'finalised')
		throw new FieldError('auditId', 'Choose one of their finalised audits from the list');
}

/** The audit a record cites, with who takes part in it, for deciding who may follow the link. */
export function citedAudit(db: Db, auditId: string) {
	return db
		.selectFrom('audits')
		.select([
			'id',
			'case_ref',
			'audited_on',
			'status',
			'practitioner_id',
			'auditor_id',
			'co_auditor_id',
			'manager_id',
			'moderator_id'
		])
		.where('id', '=', auditId)
		.executeTakeFirst();
}
