import { error } from '@sveltejs/kit';
import type { Db } from '../db';
import { getDb } from '../db';
import { dateOnly } from '../db/time';
import { hasRole, requireUser } from '../auth/access';
import type { SessionUser } from '../auth/session';
import { currentRelationshipsOn, holds, supervisingKinds } from '../people/relationships';
import { auditDefinition } from './index';
import { getAudit, type AuditView } from './audits';

/** How the viewer takes part in an audit; an audit is visible to anyone with a part. */
export interface AuditPart {
	auditor: boolean;
	practitioner: boolean;
	manager: boolean;
	moderator: boolean;
	/** Principal social workers and heads of service: every audit, and moderation. */
	psw: boolean;
	admin: boolean;
	/**
	 * The practitioner's current line manager or practice supervisor, once the audit is
	 * finalised: read only. Not their assessor: an audit is about the authority's casework.
	 */
	supervisor: boolean;
}

export async function auditPart(
	db: Db,
	user: SessionUser,
	audit: Pick<
		AuditView,
		'auditor_id' | 'co_auditor_id' | 'practitioner_id' | 'manager_id' | 'moderator_id' | 'status'
	>
): Promise<AuditPart> {
	return {
		auditor: user.id === audit.auditor_id || user.id === audit.co_auditor_id,
		practitioner: user.id === audit.practitioner_id,
		manager: user.id === audit.manager_id,
		moderator: user.id === audit.moderator_id,
		psw: hasRole(user, 'psw'),
		admin: hasRole(user, 'admin'),
		supervisor:
			audit.status === 'finalised' &&
			hasRole(user, 'supervisor') &&
			(await holds(db, user.id, audit.practitioner_id, supervisingKinds))
	};
}

export const canSeeAudit = (part: AuditPart) => Object.values(part).some(Boolean);

/** The signed-in person and the audit, if they have a part in it; 404 or 403 otherwise. */
export async function requireAudit(id: string) {
	const user = requireUser();
	const db = getDb();
	const definition = auditDefinition();
	const audit = await getAudit(db, definition, id);
	if (!audit) error(404, 'There is no such audit.');
	const part = await auditPart(db, user, audit);
	if (!canSeeAudit(part)) error(403, 'You cannot see this audit.');
	return { user, audit, part, definition, db };
}

export interface AuditFilters {
	status?: 'draft' | 'finalised';
	grade?: string;
	/** Only audits waiting for something: a same-day response, receipt, or an overdue action. */
	attention?: boolean;
}

/**
 * The audits someone may see: all of them for principal social workers and administrators;
 * otherwise those they audit, moderate, manage or are audited in, and the finalised audits of
 * those they line-manage or supervise. With the filters applied.
 */
function visibleAudits(db: Db, user: SessionUser, filters: AuditFilters, today: string) {
	let query = db.selectFrom('audits');
	if (!hasRole(user, 'psw', 'admin')) {
		query = query.where((eb) =>
			eb.or([
				eb('audits.auditor_id', '=', user.id),
				eb('audits.co_auditor_id', '=', user.id),
				eb('audits.moderator_id', '=', user.id),
				eb('audits.manager_id', '=', user.id),
				eb('audits.practitioner_id', '=', user.id),
				eb.and([
					eb('audits.status', '=', 'finalised'),
					eb(
						'audits.practitioner_id',
						'in',
						currentRelationshipsOn(db, today)
							.select('supervisions.supervisee_id')
							.where('supervisions.supervisor_id', '=', user.id)
							.where('supervisions.kind', 'in', [...supervisingKinds])
					)
				])
			])
		);
	}
	if (filters.status) query = query.where('audits.status', '=', filters.status);
	if (filters.grade) query = query.where('audits.overall_grade', '=', filters.grade);
	if (filters.attention)
		query = query.where((eb) =>
			eb.or([
				eb.and([eb('audits.escalation', 'is not', null), eb('audits.response_at', 'is', null)]),
				eb.and([eb('audits.status', '=', 'finalised'), eb('audits.receipt_at', 'is', null)]),
				eb.exists(
					eb
						.selectFrom('audit_actions')
						.select('audit_actions.id')
						.whereRef('audit_actions.audit_id', '=', 'audits.id')
						.where('audit_actions.status', '=', 'open')
						.where('audit_actions.due_on', '<', today)
				)
			])
		);
	return query;
}

/** How many audits someone may see with these filters, for paging. */
export async function countAudits(
	db: Db,
	user: SessionUser,
	filters: AuditFilters = {},
	today = dateOnly()
) {
	const row = await visibleAudits(db, user, filters, today)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** A page of the audits someone may see, newest first, with what each is waiting for. */
export function listAudits(
	db: Db,
	user: SessionUser,
	filters: AuditFilters = {},
	today = dateOnly(),
	page: { limit: number; offset: number } = { limit: 500, offset: 0 }
) {
	return visibleAudits(db, user, filters, today)
		.innerJoin('users as practitioner', 'practitioner.id', 'audits.practitioner_id')
		.innerJoin('users as auditor', 'auditor.id', 'audits.auditor_id')
		.leftJoin('teams', 'teams.id', 'audits.team_id')
		.select([
			'audits.id',
			'audits.auditor_id',
			'audits.co_auditor_id',
			'audits.manager_id',
			'audits.case_ref',
			'audits.type',
			'audits.theme',
			'audits.status',
			'audits.audited_on',
			'audits.overall_grade',
			'audits.moderated_overall_grade',
			'audits.escalation',
			'audits.response_at',
			'audits.receipt_at',
			'practitioner.name as practitionerName',
			'auditor.name as auditorName',
			'teams.name as teamName'
		])
		.select((eb) =>
			eb
				.selectFrom('audit_actions')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('audit_actions.audit_id', '=', 'audits.id')
				.where('audit_actions.status', '=', 'open')
				.where('audit_actions.due_on', '<', today)
				.as('overdueActions')
		)
		.orderBy('audits.audited_on', 'desc')
		.orderBy('audits.id')
		.limit(page.limit)
		.offset(page.offset)
		.execute();
}

/** The audit, for one of its auditors while it is a draft; 403 or 409 otherwise. */
export async function requireDraftAuditor(id: string) {
	const access = await requireAudit(id);
	if (!access.part.auditor) error(403, 'Only the audit’s auditors can change it.');
	if (access.audit.status !== 'draft')
		error(409, 'This audit has been finalised and can no longer be changed.');
	return access;
}
