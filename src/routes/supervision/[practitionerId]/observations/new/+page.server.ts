import { redirect } from '@sveltejs/kit';
import { requirePractitionerOf } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { dateOnly } from '$lib/server/db/time';
import { getFramework, outcomesOf } from '$lib/server/framework';
import { formValues, invalid, parseDateParts, readFormData, textOf } from '$lib/server/forms';
import { observationSettings, recordObservation } from '$lib/server/observation/observations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { person } = await requirePractitionerOf(params.practitionerId, ['assessor']);
	return {
		person: { id: person.id, name: person.name },
		settings: observationSettings,
		outcomes: outcomesOf(getFramework()!).map(({ id, title }) => ({ id, title }))
	};
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const { user, person } = await requirePractitionerOf(params.practitionerId, ['assessor']);
		const form = await readFormData(request);
		const values: Record<string, unknown> = formValues(form, ['outcomes']);
		const text = (key: string) => textOf(form, key);
		const errors: Record<string, string> = {};
		const date = parseDateParts(form, 'observedOn', 'date of the observation');
		values.observedOn = date.parts;
		if (date.error) errors.observedOn = date.error;
		else if (date.value! > dateOnly())
			errors.observedOn = 'The date of the observation must be today or in the past';
		if (!observationSettings.includes(text('setting')))
			errors.setting = 'Choose where the observation took place';
		if (form.get('consent') !== 'yes')
			errors.consent =
				'Confirm that the child and family gave their informed consent to the observation';
		if (!text('wentWell')) errors.wentWell = 'Write what went well';
		if (!text('toDevelop')) errors.toDevelop = 'Write what to develop';

		const framework = getFramework()!;
		const outcomes = new Map(outcomesOf(framework).map((o) => [o.id, o]));
		const chosen = new Set((values.outcomes as string[]).filter((id) => outcomes.has(id)));
		const statements: { outcomeId: string; statementId: string }[] = [];
		for (const raw of text('statements')
			.split(/[,;\n]+/)
			.map((s) => s.trim().replace(/\s+/g, ' '))
			.filter(Boolean)) {
			const statementId = raw.toUpperCase().replace(/^(\d+\.\d+) ?([KD])/, '$1 $2');
			const outcomeId = statementId.split(' ')[0];
			if (!outcomes.get(outcomeId)?.statements.some((s) => s.id === statementId)) {
				errors.statements = `“${raw}” is not a statement in ${framework.version.shortTitle}; write ids like 2.3 D1`;
				break;
			}
			chosen.add(outcomeId);
			statements.push({ outcomeId, statementId });
		}
		if (chosen.size === 0 && !errors.statements)
			errors.outcomes = 'Choose at least one outcome the observation shows';
		if (Object.keys(errors).length) return invalid(values, errors);

		const evidenceId = await recordObservation(getDb(), user.id, person.id, {
			observedOn: date.value!,
			setting: text('setting'),
			wentWell: text('wentWell'),
			toDevelop: text('toDevelop'),
			frameworkVersion: framework.version.id,
			outcomes: [...chosen],
			statements
		});
		redirect(303, `/portfolio/${evidenceId}?saved=observed`);
	}
};
