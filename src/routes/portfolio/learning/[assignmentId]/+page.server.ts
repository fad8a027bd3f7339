import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { getFramework, outcomesOf } from '$lib/server/framework';
import { formValues, invalid, orFail, readFormData } from '$lib/server/forms';
import { pathwayWork } from '$lib/server/learning/assignments';
import { completePathway, completionProblems, saveProgress } from '$lib/server/learning/progress';
import { notifySubmitted } from '$lib/server/review/review';
import { checkAnonymity } from '$lib/server/portfolio/anonymity';
import type { Actions, PageServerLoad } from './$types';

async function requireWork(assignmentId: string) {
	const user = requireRole('practitioner');
	const work = await pathwayWork(getDb(), user.id, assignmentId);
	if (!work) error(404, 'This pathway is not assigned to you.');
	return { user, work };
}

const reflectionFindings = (text: string, name: string) =>
	checkAnonymity([{ name: 'reflection', label: 'Your closing reflection', text }], {
		allowedNames: [name]
	});

function readForm(form: FormData) {
	const values = formValues(form, ['steps']);
	return {
		values,
		steps: (values.steps as string[]).map(Number).filter(Number.isInteger),
		reflection: String(values.reflection ?? '')
	};
}

export const load: PageServerLoad = async ({ params, url }) => {
	const { user, work } = await requireWork(params.assignmentId);
	const saved = url.searchParams.get('saved');
	const titles = new Map(outcomesOf(getFramework()!).map((o) => [o.id, o.title]));
	return {
		work: {
			id: work.id,
			pathway: work.pathway,
			stepsDone: work.stepsDone,
			reflection: work.reflection ?? '',
			completedAt: work.completed_at,
			evidenceId: work.evidence_id,
			dueOn: work.due_on,
			assignedByName: work.assignedByName
		},
		outcomes: work.pathway.outcomes.map((id) => ({ id, title: titles.get(id) ?? '' })),
		saved,
		// Saving progress never stops for details that may identify someone, but says so.
		draftFindings:
			saved === 'progress' && !work.completed_at
				? reflectionFindings(work.reflection ?? '', user.name)
				: []
	};
};

export const actions: Actions = {
	save: async ({ params, request }) => {
		const { user, work } = await requireWork(params.assignmentId);
		const { values, steps, reflection } = readForm(await readFormData(request));
		if (reflection.length > 20000)
			return invalid(values, { reflection: 'Must be 20,000 characters or fewer' });
		const refused = await orFail(values, () =>
			saveProgress(getDb(), user.id, work, steps, reflection)
		);
		if (refused) return refused;
		redirect(303, `/portfolio/learning/${work.id}?saved=progress`);
	},
	complete: async ({ params, request, url }) => {
		const { user, work } = await requireWork(params.assignmentId);
		const form = await readFormData(request);
		const { values, steps, reflection } = readForm(form);
		const db = getDb();
		const problems = completionProblems(work.pathway, steps, reflection);
		if (Object.keys(problems).length) {
			// Keep what they ticked and wrote, even though the pathway cannot be completed yet.
			if (!work.completed_at) await saveProgress(db, user.id, work, steps, reflection);
			return invalid(values, problems);
		}
		const findings = reflectionFindings(reflection, user.name);
		const confirmed = form.get('anonymity') === 'yes';
		if (findings.length && !confirmed) {
			await saveProgress(db, user.id, work, steps, reflection);
			return fail(400, { values, findings, errors: {} as Record<string, string> });
		}
		const refused = await orFail(values, async () => {
			const { evidenceId } = await completePathway(db, user.id, work, {
				stepsDone: steps,
				reflection,
				frameworkVersion: getFramework()!.version.id,
				anonymityConfirmed: findings.length > 0
			});
			await notifySubmitted(db, evidenceId, url.origin);
		});
		if (refused) return refused;
		redirect(303, `/portfolio/learning?saved=completed`);
	}
};
