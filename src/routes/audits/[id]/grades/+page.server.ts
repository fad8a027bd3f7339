import { redirect } from '@sveltejs/kit';
import { saveGrades } from '$lib/server/audit/grading';
import { requireDraftAuditor } from '$lib/server/audit/access';
import { gradeChoices, gradeValues, parseGradesForm } from '$lib/server/audit/grades-form';
import { invalid, readFormData } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { audit, definition } = await requireDraftAuditor(params.id);
	return {
		audit: { id: audit.id, case_ref: audit.case_ref, practitionerName: audit.practitionerName },
		areas: gradeChoices(definition),
		initial: gradeValues(audit.grades.audit, { grip: audit.grip, reason: audit.grip_reason })
	};
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const { user, audit, definition, db } = await requireDraftAuditor(params.id);
		const parsed = parseGradesForm(definition, await readFormData(request), true);
		if (Object.keys(parsed.errors).length) return invalid(parsed.values, parsed.errors);
		await saveGrades(db, definition, user.id, audit.id, 'audit', parsed);
		redirect(303, `/audits/${audit.id}?saved=grades#grades`);
	}
};
