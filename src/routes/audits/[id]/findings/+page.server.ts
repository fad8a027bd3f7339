import { redirect } from '@sveltejs/kit';
import { addFinding } from '$lib/server/audit/findings';
import { requireDraftAuditor } from '$lib/server/audit/access';
import { getFramework, outcomesOf } from '$lib/server/framework';
import { formValues, invalid, readFormData } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const tagChoices = (definition: Awaited<ReturnType<typeof requireDraftAuditor>>['definition']) => ({
	outcomes: outcomesOf(getFramework()!).map((o) => ({ value: o.id, label: `${o.id} ${o.title}` })),
	standards: definition.standardSet.items.map((i) => ({
		value: i.ref,
		label: `${i.number}. ${i.title}`
	})),
	standardSetTitle: definition.standardSet.title
});

export const load: PageServerLoad = async ({ params, url }) => {
	const { audit, definition } = await requireDraftAuditor(params.id);
	return {
		audit: { id: audit.id, case_ref: audit.case_ref, practitionerName: audit.practitionerName },
		...tagChoices(definition),
		initial: { kind: url.searchParams.get('kind') === 'strength' ? 'strength' : 'development' }
	};
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const { user, audit, definition, db } = await requireDraftAuditor(params.id);
		const values = formValues(await readFormData(request), ['outcomes', 'standards']);
		const choices = tagChoices(definition);
		const errors: Record<string, string> = {};
		const kind = values.kind;
		if (kind !== 'strength' && kind !== 'development')
			errors.kind = 'Choose whether this is a strength or an area for development';
		const text = String(values.text ?? '');
		if (!text) errors.text = 'Write the finding';
		else if (text.length > 5000) errors.text = 'The finding must be 5,000 characters or fewer';
		const pick = (list: unknown, allowed: { value: string }[]) =>
			(list as string[]).filter((v) => allowed.some((c) => c.value === v));
		const outcomes = pick(values.outcomes, choices.outcomes);
		const standards = pick(values.standards, choices.standards);
		if (!outcomes.length && !standards.length)
			errors.outcomes = 'Tag the finding with at least one outcome or practice standard';
		if (Object.keys(errors).length) return invalid(values, errors);
		await addFinding(db, user.id, audit.id, {
			kind: kind as 'strength' | 'development',
			text,
			frameworkVersion: getFramework()!.version.id,
			outcomes,
			standards
		});
		redirect(303, `/audits/${audit.id}?saved=finding#findings`);
	}
};
