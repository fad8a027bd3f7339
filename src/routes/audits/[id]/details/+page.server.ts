import { redirect } from '@sveltejs/kit';
import { updateAuditDetails } from '$lib/server/audit/audits';
import { requireDraftAuditor } from '$lib/server/audit/access';
import { auditFormChoices, parseAuditDetails } from '$lib/server/audit/details-form';
import { dateParts, invalid, readFormData } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { audit, definition, db } = await requireDraftAuditor(params.id);
	return {
		audit: { id: audit.id, case_ref: audit.case_ref },
		types: definition.types,
		periodMonths: definition.periodMonths,
		choices: await auditFormChoices(db),
		initial: {
			type: audit.type,
			theme: audit.theme ?? '',
			caseRef: audit.case_ref,
			practitionerId: audit.practitioner_id,
			managerId: audit.manager_id ?? '',
			coAuditorId: audit.co_auditor_id ?? '',
			auditedOn: dateParts(audit.audited_on),
			periodStart: dateParts(audit.period_start),
			periodEnd: dateParts(audit.period_end)
		}
	};
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const { user, audit, definition, db } = await requireDraftAuditor(params.id);
		const parsed = await parseAuditDetails(
			db,
			definition,
			audit.auditor_id,
			await readFormData(request)
		);
		if (!parsed.details) return invalid(parsed.values, parsed.errors);
		await updateAuditDetails(db, user.id, audit.id, parsed.details);
		redirect(303, `/audits/${audit.id}?saved=details`);
	}
};
