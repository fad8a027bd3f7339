import { error, redirect } from '@sveltejs/kit';
import { hasRole, holdsRelationship, requireUser } from '$lib/server/auth/access';
import type { SessionUser } from '$lib/server/auth/session';
import { auditPart, canSeeAudit } from '$lib/server/audit/access';
import { getDb } from '$lib/server/db';
import { supervisingKinds } from '$lib/server/people/relationships';
import { actionUpdatesOf } from '$lib/server/review/supervision-actions';
import { citedAudit } from '$lib/server/review/supervision-audits';
import { getSupervisionRecord, useAsEvidence } from '$lib/server/review/supervision-records';
import type { Actions, PageServerLoad } from './$types';
import { withNotice } from '$lib/notice';

/**
 * Both parties see a supervision record: the practitioner and its author; so do the
 * practitioner's current line manager and practice supervisor (not their assessor).
 */
async function findRecord(id: string) {
	const user = requireUser();
	const record = await getSupervisionRecord(getDb(), id);
	if (!record) error(404, 'There is no such supervision record.');
	const allowed =
		user.id === record.practitioner_id ||
		user.id === record.supervisor_id ||
		hasRole(user, 'psw', 'admin') ||
		(await holdsRelationship(getDb(), user, record.practitioner_id, supervisingKinds));
	if (!allowed) error(403, 'You cannot see this supervision record.');
	return { user, record };
}

/** The audit a record cites, and whether this person may open it (the audit's own rule). */
async function auditOf(user: SessionUser, auditId: string | null) {
	const audit = auditId ? await citedAudit(getDb(), auditId) : undefined;
	if (!audit) return null;
	const { id, case_ref, audited_on } = audit;
	return { id, case_ref, audited_on, canOpen: canSeeAudit(await auditPart(getDb(), user, audit)) };
}

export const load: PageServerLoad = async ({ params }) => {
	const { user, record } = await findRecord(params.id);
	return {
		record,
		earlierActions: await actionUpdatesOf(getDb(), record.id),
		audit: await auditOf(user, record.audit_id),
		isPractitioner: user.id === record.practitioner_id
	};
};

export const actions: Actions = {
	useAsEvidence: async ({ params }) => {
		const { user, record } = await findRecord(params.id);
		if (user.id !== record.practitioner_id)
			error(403, 'Only the practitioner can use this record as evidence.');
		const evidenceId = await useAsEvidence(getDb(), user.id, record.id);
		redirect(303, withNotice(`/portfolio/${evidenceId}`, 'from-supervision'));
	}
};
