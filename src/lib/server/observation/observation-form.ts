import { dateOnly } from '../db/time';
import { checkAnonymity } from '../portfolio/anonymity';
import { getFramework, mappedStatement, outcomesOf } from '../framework';
import { dateParts, formValues, parseDateParts, textOf, type FieldErrors } from '../forms';
import { observationSettings, type ObservationInput } from './observations';

// The one observation form, read the same wherever it is posted: by an assessor recording one,
// by an assessor or colleague answering an invitation, and by an observer from outside by link.

/** What the form's page shows: the settings to choose from and the outcomes to tick. */
export function observationFormChoices() {
	return {
		settings: observationSettings,
		outcomes: outcomesOf(getFramework()!).map(({ id, title }) => ({ id, title }))
	};
}

export interface ObservationForm {
	/** What was typed, to show again. */
	values: Record<string, unknown>;
	errors: FieldErrors;
	/** The observation, when the form is complete and right. */
	input?: ObservationInput;
}

/** Reads and checks the observation form: the date is today or before; consent is confirmed. */
export function readObservationForm(form: FormData, today = dateOnly()): ObservationForm {
	const values: Record<string, unknown> = formValues(form, ['outcomes']);
	const text = (key: string) => textOf(form, key);
	const errors: FieldErrors = {};
	const date = parseDateParts(form, 'observedOn', 'date of the observation');
	values.observedOn = date.parts;
	if (date.error) errors.observedOn = date.error;
	else if (date.value! > today)
		errors.observedOn = 'The date of the observation must be today or in the past';
	if (!observationSettings.includes(text('setting')))
		errors.setting = 'Choose where the observation took place';
	if (form.get('consent') !== 'yes')
		errors.consent =
			'Confirm that the child and family gave their informed consent to the observation';
	if (!text('wentWell')) errors.wentWell = 'Write what went well';
	if (!text('toDevelop')) errors.toDevelop = 'Write what to develop';
	const mapping = readMapping(text('statements'), values.outcomes as string[]);
	Object.assign(errors, mapping.errors);
	if (Object.keys(errors).length) return { values, errors };
	return {
		values,
		errors,
		input: {
			observedOn: date.value!,
			setting: text('setting'),
			wentWell: text('wentWell'),
			toDevelop: text('toDevelop'),
			frameworkVersion: getFramework()!.version.id,
			outcomes: mapping.outcomes,
			statements: mapping.statements
		}
	};
}

/** The outcomes ticked and the statements written (`2.3 D1, 2.3 D6`), each checked. */
function readMapping(written: string, ticked: string[]) {
	const framework = getFramework()!;
	const outcomes = new Map(outcomesOf(framework).map((o) => [o.id, o]));
	const chosen = new Set(ticked.filter((id) => outcomes.has(id)));
	const statements: { outcomeId: string; statementId: string }[] = [];
	const errors: FieldErrors = {};
	for (const raw of written
		.split(/[,;\n]+/)
		.map((s) => s.trim().replace(/\s+/g, ' '))
		.filter(Boolean)) {
		const statementId = raw.toUpperCase().replace(/^(\d+\.\d+) ?([KD])/, '$1 $2');
		const mapped = mappedStatement(outcomes, statementId);
		if (!mapped) {
			errors.statements = `“${raw}” is not a statement in ${framework.version.shortTitle}; write ids like 2.3 D1`;
			break;
		}
		chosen.add(mapped.outcomeId);
		statements.push(mapped);
	}
	if (chosen.size === 0 && !errors.statements)
		errors.outcomes = 'Choose at least one outcome the observation shows';
	return { outcomes: [...chosen], statements, errors };
}

/** The form as an invitation fills it: its day, once that has come, and its setting. */
export function startingValues(
	invitation: { planned_on: string; setting: string },
	today = dateOnly()
) {
	return {
		observedOn: invitation.planned_on <= today ? dateParts(invitation.planned_on) : {},
		setting: invitation.setting
	};
}

/**
 * What the anonymity check finds in an observer's texts; the practitioner's and the observer's
 * own names are expected there.
 */
export function observationFindings(input: ObservationInput, allowedNames: string[]) {
	return checkAnonymity(
		[
			{ name: 'wentWell', label: 'What went well', text: input.wentWell },
			{ name: 'toDevelop', label: 'What to develop', text: input.toDevelop }
		],
		{ allowedNames }
	);
}
