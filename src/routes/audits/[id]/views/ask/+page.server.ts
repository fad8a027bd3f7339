import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireDraftAuditor } from '$lib/server/audit/access';
import { askForView } from '$lib/server/audit/voices';
import { voiceRelationships } from '$lib/server/db/schema';
import { emailField, invalid, orFail, parseForm, readFormData } from '$lib/server/forms';
import { withNotice } from '$lib/notice';
import type { Actions, PageServerLoad } from './$types';

const schema = z.object({
	relationship: z.enum(voiceRelationships, {
		error: 'Choose who you are asking: the child, a parent or carer, or the worker'
	}),
	email: emailField('Enter the email address to send the link to'),
	name: z.string().trim().max(100, 'The name must be 100 characters or fewer').default('')
});

export const load: PageServerLoad = async ({ params }) => {
	const { audit } = await requireDraftAuditor(params.id);
	return {
		audit: { id: audit.id, case_ref: audit.case_ref, practitionerName: audit.practitionerName }
	};
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const { user, audit, db } = await requireDraftAuditor(params.id);
		const parsed = parseForm(schema, await readFormData(request));
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		const refused = await orFail(parsed.data, () => askForView(db, user.id, audit.id, parsed.data));
		if (refused) return refused;
		redirect(303, withNotice(`/audits/${audit.id}#voices`, 'asked'));
	}
};
