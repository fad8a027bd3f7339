import { redirect } from '@sveltejs/kit';
import { auditDefinition } from '$lib/server/audit';
import { createAudit } from '$lib/server/audit/audits';
import { auditFormChoices, parseAuditDetails } from '$lib/server/audit/details-form';
import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { dateOnly } from '$lib/server/db/time';
import { dateParts, invalid, readFormData } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	requireRole('auditor');
	const definition = auditDefinition();
	return {
		types: definition.types,
		periodMonths: definition.periodMonths,
		choices: await auditFormChoices(getDb()),
		initial: {
			type: definition.types[0].id,
			practitionerId: url.searchParams.get('practitioner') ?? '',
			auditedOn: dateParts(dateOnly())
		}
	};
};

export const actions: Actions = {
	default: async ({ request }) => {
		const user = requireRole('auditor');
		const db = getDb();
		const parsed = await parseAuditDetails(
			db,
			auditDefinition(),
			user.id,
			await readFormData(request)
		);
		if (!parsed.details) return invalid(parsed.values, parsed.errors);
		const id = await createAudit(db, user.id, parsed.details);
		redirect(303, `/audits/${id}?saved=created`);
	}
};
