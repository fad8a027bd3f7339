import { error, redirect } from '@sveltejs/kit';
import { saveGrades } from '$lib/server/audit/grading';
import { requireAudit } from '$lib/server/audit/access';
import { gradeChoices, gradeValues, parseGradesForm } from '$lib/server/audit/grades-form';
import { invalid, readFormData } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/** A moderator assigned to the audit, or a principal social worker; never one of its auditors. */
async function requireModerator(id: string) {
	const access = await requireAudit(id);
	const { part, audit } = access;
	if (!(part.moderator || part.psw) || part.auditor)
		error(403, 'Only a moderator who did not carry out the audit can moderate it.');
	if (audit.status !== 'finalised') error(409, 'Only a finalised audit can be moderated.');
	return access;
}

export const load: PageServerLoad = async ({ params }) => {
	const { audit, definition } = await requireModerator(params.id);
	const moderated = audit.grades.moderation.length > 0;
	return {
		audit: { id: audit.id, case_ref: audit.case_ref, practitionerName: audit.practitionerName },
		areas: gradeChoices(definition),
		initial: {
			...gradeValues(moderated ? audit.grades.moderation : audit.grades.audit),
			comments: audit.moderation_comments
		}
	};
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const { user, audit, definition, db } = await requireModerator(params.id);
		const parsed = parseGradesForm(definition, await readFormData(request), false);
		const comments = String(parsed.values.comments ?? '');
		if (!comments) parsed.errors.comments = 'Write your moderation comments';
		const missing = definition.areas.filter((a) => !parsed.grades[a.id]);
		if (missing.length && !Object.keys(parsed.errors).length)
			parsed.errors[`grade-${missing[0].id}`] =
				`Grade every area: choose a grade for ${missing[0].title}`;
		if (Object.keys(parsed.errors).length) return invalid(parsed.values, parsed.errors);
		await saveGrades(db, definition, user.id, audit.id, 'moderation', { ...parsed, comments });
		redirect(303, `/audits/${audit.id}?saved=moderated#moderation`);
	}
};
