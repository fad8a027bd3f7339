import { error, fail, redirect } from '@sveltejs/kit';
import { relationshipsHeld, requireRecordAccess } from '$lib/server/auth/access';
import { observationFor, reflectOnObservation } from '$lib/server/observation/observations';
import {
	acceptEvidence,
	addComment,
	isReviewed,
	listComments,
	notifySubmitted,
	returnEvidence
} from '$lib/server/review/review';
import { getDb } from '$lib/server/db';
import { eventsFor } from '$lib/server/db/events';
import { importedHistory } from '$lib/server/export/imports';
import { getFramework } from '$lib/server/framework';
import { givenByLink } from '$lib/server/feedback/given';
import { integerOf, invalid, listOf, orFail, readFormData, textOf } from '$lib/server/forms';
import { findingKindNames } from '$lib/server/portfolio/anonymity';
import { removeAttachment, updateEvidenceWithFiles } from '$lib/server/portfolio/attachments';
import {
	getEvidence,
	isEditable,
	submissionProblems,
	submitEvidence
} from '$lib/server/portfolio/evidence';
import { evidenceValues } from '$lib/server/portfolio/evidence-form';
import { fixedTexts, readEvidencePost } from '$lib/server/portfolio/evidence-post';
import { suggestionsFor } from '$lib/server/portfolio/evidence-replace';
import { checkRecord } from '$lib/server/portfolio/record-check';
import { allowedFilesHint } from '$lib/server/portfolio/file-type';
import { standardsOf } from '$lib/server/portfolio/standards';
import { uploadLimits } from '$lib/server/portfolio/uploads';
import { practiceStandardSets } from '$lib/server/standards';
import { nameMappedStandards } from '$lib/server/standards/mapping';
import type { Actions, PageServerLoad } from './$types';

/** The record, if the signed-in person may see it; with what they may do to it. */
async function findRecord(id: string) {
	const record = await getEvidence(getDb(), id);
	if (!record) error(404, 'There is no such record.');
	const user = await requireRecordAccess(record);
	const owner = user.id === record.owner_id;
	// Whoever holds a relationship to the practitioner comments; their assessor reviews.
	const held = owner ? [] : await relationshipsHeld(getDb(), user, record.owner_id);
	const related = held.length > 0;
	// Only a practitioner's records are reviewed; anyone else's are their own CPD log.
	const reviewed = await isReviewed(getDb(), record.owner_id);
	const assessor = reviewed && held.includes('assessor');
	return {
		record,
		user,
		owner,
		related,
		assessor,
		reviewed,
		editable: owner && isEditable(record.status)
	};
}

async function requireReviewer(id: string) {
	const found = await findRecord(id);
	if (!found.assessor) error(403, 'Only the practitioner’s assessor can review this record.');
	return found;
}

async function requireEditable(id: string) {
	const found = await findRecord(id);
	if (!found.owner) error(403, 'Only the person whose portfolio this is can change it.');
	return found;
}

/**
 * Just after a draft is saved, what the anonymity check finds in it (said, not blocked), and
 * its texts' findings with what could replace them.
 */
function draftFindings(
	found: Awaited<ReturnType<typeof findRecord>>,
	saved: string | null,
	fixed: string[]
) {
	if (!found.editable || (saved !== 'created' && saved !== 'saved'))
		return { draftFindings: [], draftSuggestions: [] };
	const allowedNames = [found.user.name];
	return {
		draftFindings: checkRecord(found.record, allowedNames),
		draftSuggestions: suggestionsFor(evidenceValues(found.record), allowedNames, fixed)
	};
}

export const load: PageServerLoad = async ({ params, url }) => {
	const found = await findRecord(params.id);
	const { record, owner, editable, related, assessor, reviewed } = found;
	const framework = getFramework(record.frameworkVersion ?? undefined) ?? getFramework()!;
	const given = await givenByLink(getDb(), record.id);
	const mapped = framework.domains
		.flatMap((d) => d.outcomes)
		.filter((o) => record.outcomes.includes(o.id))
		.map((o) => ({
			id: o.id,
			title: o.title,
			statements: o.statements
				.filter((s) => record.statements.some((m) => m.statementId === s.id))
				.map(({ id, text }) => ({ id, text }))
		}));
	return {
		record,
		owner,
		editable,
		reviewed,
		canReview: assessor && record.status === 'submitted',
		canComment: owner || related,
		comments: await listComments(getDb(), record.id),
		observation: (await observationFor(getDb(), record.id)) ?? null,
		givenByLink: given ?? null,
		imported: (await importedHistory(getDb(), record.id)) ?? null,
		mapped,
		standards: nameMappedStandards(practiceStandardSets(), await standardsOf(getDb(), record.id)),
		frameworkName: framework.version.shortTitle,
		values: evidenceValues(record),
		events: await eventsFor(getDb(), 'evidence', record.id),
		filesHint: allowedFilesHint,
		kindNames: findingKindNames,
		uploadLimits: uploadLimits(),
		saved: url.searchParams.get('saved'),
		...draftFindings(found, url.searchParams.get('saved'), given ? fixedTexts : [])
	};
};

export const actions: Actions = {
	save: async ({ params, request }) => {
		const { user, record } = await requireEditable(params.id);
		const db = getDb();
		// Feedback given by link keeps its date, type and words as they were given.
		const fixed = (await givenByLink(db, params.id)) ? record : undefined;
		const { form, input, values, errors, files, modelChange, replaced } = await readEvidencePost(
			db,
			request,
			params.id,
			user.name,
			fixed
		);
		// Without JavaScript: the form again, everything kept, with the chosen model's prompts.
		if (modelChange) return { values };
		// Details replaced with placeholders, shown for the person to check and save.
		if (replaced) return replaced;
		if (Object.keys(errors).length) return invalid(values, errors);
		const version = integerOf(form, 'version') ?? 0;
		const refused = await orFail(values, () =>
			updateEvidenceWithFiles(db, user.id, params.id, version, input, files)
		);
		if (refused) return refused;
		redirect(303, `/portfolio/${params.id}?saved=saved`);
	},
	removeFile: async ({ params, request }) => {
		const { user, editable } = await requireEditable(params.id);
		if (!editable)
			return invalid({}, { files: 'Files cannot be removed from a record once it is submitted.' });
		await removeAttachment(
			getDb(),
			user.id,
			params.id,
			textOf(await readFormData(request), 'attachment')
		);
		redirect(303, `/portfolio/${params.id}?saved=file-removed`);
	},
	submit: async ({ params, request, url }) => {
		const { user, record, editable } = await requireEditable(params.id);
		if (!editable) return invalid({}, { submit: `This record has been ${record.status} already.` });
		const form = await readFormData(request);
		const problems = submissionProblems(record, record.outcomes.length);
		if (Object.keys(problems).length) return invalid({}, problems);
		const findings = checkRecord(record, [user.name]);
		const confirmed = form.get('confirm') === 'yes';
		if (findings.length > 0 && !confirmed)
			return fail(400, {
				findings,
				askedToConfirm: form.has('confirming'),
				suggestions: suggestionsFor(
					evidenceValues(record),
					[user.name],
					(await givenByLink(getDb(), record.id)) ? fixedTexts : []
				)
			});
		const version = integerOf(form, 'version') ?? 0;
		const refused = await orFail({}, async () => {
			await submitEvidence(getDb(), user.id, params.id, version, findings.length > 0);
			await notifySubmitted(getDb(), params.id, url.origin);
		});
		if (refused) return refused;
		redirect(303, '/portfolio?saved=submitted');
	},
	accept: async ({ params, request, url }) => {
		const { user } = await requireReviewer(params.id);
		const form = await readFormData(request);
		const statements = listOf(form, 'statement');
		const refused = await orFail({}, () =>
			acceptEvidence(getDb(), user.id, params.id, statements, url.origin)
		);
		if (refused) return refused;
		redirect(303, `/supervision?saved=accepted`);
	},
	return: async ({ params, request, url }) => {
		const { user } = await requireReviewer(params.id);
		const feedback = textOf(await readFormData(request), 'feedback');
		const refused = await orFail({ feedback }, () =>
			returnEvidence(getDb(), user.id, params.id, feedback, url.origin)
		);
		if (refused) return refused;
		redirect(303, `/supervision?saved=returned`);
	},
	comment: async ({ params, request }) => {
		const { user, owner, related } = await findRecord(params.id);
		if (!owner && !related)
			error(403, 'Only the practitioner and those supervising or assessing them can comment.');
		const body = textOf(await readFormData(request), 'comment');
		if (!body) return invalid({}, { comment: 'Write a comment' });
		if (body.length > 5000)
			return invalid({ comment: body }, { comment: 'A comment must be 5,000 characters or fewer' });
		await addComment(getDb(), user.id, params.id, body);
		redirect(303, `/portfolio/${params.id}?saved=commented#comments`);
	},
	reflect: async ({ params, request }) => {
		const { user, owner } = await findRecord(params.id);
		if (!owner) error(403, 'Only the practitioner observed can add their reflection.');
		const reflection = textOf(await readFormData(request), 'observationReflection');
		if (!reflection)
			return invalid({}, { observationReflection: 'Write your reflection on the observation' });
		if (!(await reflectOnObservation(getDb(), user.id, params.id, reflection)))
			error(404, 'This record is not an observation.');
		redirect(303, `/portfolio/${params.id}?saved=reflected`);
	}
};
