import { expect, type APIRequestContext } from '@playwright/test';
import { dateFields, postForm, row, userId } from './walk';

// Case audits set up through their real forms, posted as a browser without JavaScript posts
// them, so that a test can start from the stage it is about.

type Grade = 'outstanding' | 'good' | 'requires-improvement' | 'inadequate';

/** Practice standard 4, "All children have a plan", in the demo authority's audits. */
export const plansStandard = 'gloucestershire-4';

/** Starts a draft audit of someone's practice, dated today; its id. */
export async function startAudit(
	auditor: APIRequestContext,
	practitioner: string,
	caseRef: string
) {
	const location = await postForm(auditor, '/audits/new', {
		type: 'journey-and-impact',
		caseRef,
		practitionerId: userId(practitioner),
		...dateFields('auditedOn')
	});
	return /^\/audits\/([^/?#]+)/.exec(location)![1];
}

/** Grades every area the form offers: Good, unless told otherwise. */
export async function gradeAudit(
	auditor: APIRequestContext,
	id: string,
	grades: Record<string, Grade> = {}
) {
	const form = await (await auditor.get(`/audits/${id}/grades`)).text();
	const areas = new Set([...form.matchAll(/name="grade-([\w-]+)"/g)].map((m) => m[1]));
	expect(areas.size, 'areas to grade').toBeGreaterThan(0);
	const fields: Record<string, string> = {};
	for (const area of areas) {
		fields[`grade-${area}`] = grades[area] ?? 'good';
		fields[`evidence-${area}`] = 'Seen in the records.';
	}
	await postForm(auditor, `/audits/${id}/grades`, fields);
}

export async function recordViews(auditor: APIRequestContext, id: string) {
	await postForm(auditor, `/audits/${id}/views`, {
		child_view: 'The child said the plan was never explained.',
		parent_view: 'The parent did not know who to call when things went wrong.',
		worker_view: 'I was holding the plan in my head rather than writing it with the family.'
	});
}

/** A finding for development tagged with an outcome, which becomes a learning need. */
export async function addFinding(
	auditor: APIRequestContext,
	id: string,
	text: string,
	outcome = '3.3'
) {
	await postForm(auditor, `/audits/${id}/findings`, {
		kind: 'development',
		text,
		outcomes: [outcome]
	});
}

export async function addAction(
	auditor: APIRequestContext,
	id: string,
	description: string,
	owner: string
) {
	await postForm(auditor, `/audits/${id}/actions`, {
		description,
		ownerId: userId(owner),
		...dateFields('dueOn', 30)
	});
}

export async function finaliseAudit(auditor: APIRequestContext, id: string) {
	await postForm(auditor, `/audits/${id}?/finalise`, { anonymity: 'yes' });
}

/** A finalised audit with a finding for development: the learning need it raised. */
export async function learningNeed(
	auditor: APIRequestContext,
	practitioner: string,
	caseRef: string,
	finding: string
) {
	const id = await startAudit(auditor, practitioner, caseRef);
	await gradeAudit(auditor, id, { [plansStandard]: 'requires-improvement' });
	await recordViews(auditor, id);
	await addFinding(auditor, id, finding);
	await finaliseAudit(auditor, id);
	const need = row<{ id: string }>(
		'select id from learning_needs where audit_id = ? and description = ?',
		id,
		finding
	);
	return { auditId: id, needId: need.id };
}
