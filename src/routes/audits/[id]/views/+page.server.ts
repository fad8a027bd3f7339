import { error, redirect } from '@sveltejs/kit';
import { saveViews, viewFields, type ViewField } from '$lib/server/audit/views';
import { requireAudit, type AuditPart } from '$lib/server/audit/access';
import { formValues, invalid, readFormData } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/** The auditors record every view; the worker and the manager add their own. */
function editableViews(part: AuditPart): ViewField[] {
	if (part.auditor) return [...viewFields];
	return [
		...(part.practitioner ? (['worker_view'] as const) : []),
		...(part.manager ? (['manager_view'] as const) : [])
	];
}

async function requireViews(id: string) {
	const access = await requireAudit(id);
	const fields = editableViews(access.part);
	if (!fields.length) error(403, 'Only the auditors, the worker and their manager add views.');
	if (access.audit.status !== 'draft')
		error(409, 'This audit has been finalised and can no longer be changed.');
	return { ...access, fields };
}

export const load: PageServerLoad = async ({ params }) => {
	const { audit, fields } = await requireViews(params.id);
	return {
		audit: { id: audit.id, case_ref: audit.case_ref, practitionerName: audit.practitionerName },
		fields,
		initial: Object.fromEntries(fields.map((f) => [f, audit[f]]))
	};
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const { user, audit, fields, db } = await requireViews(params.id);
		const values = formValues(await readFormData(request));
		const errors: Record<string, string> = {};
		const views: Partial<Record<ViewField, string>> = {};
		for (const field of fields) {
			const text = String(values[field] ?? '');
			if (text.length > 10000) errors[field] = 'Must be 10,000 characters or fewer';
			views[field] = text;
		}
		if (Object.keys(errors).length) return invalid(values, errors);
		await saveViews(db, user.id, audit.id, views);
		redirect(303, `/audits/${audit.id}?saved=views#views`);
	}
};
