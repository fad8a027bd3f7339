import {
	cpdTypes,
	evidenceTypes,
	reflectiveModels,
	type ReflectiveModel
} from '$lib/portfolio/vocabulary';
import { dateOnly } from '../db/time';
import {
	isKeyOf,
	maxTextLength as maxText,
	parseDateParts,
	textOf,
	textValues,
	type FieldErrors
} from '../forms';
import type { EvidenceInput, EvidenceRecord } from './evidence';

const text = textOf;
const field = (model: string, key: string) => `reflection-${model}-${key}`;

/** The form's fields as text, to show again exactly as typed. */
export type EvidenceValues = Record<string, string>;

/**
 * Reads the evidence editor. Every text is kept in `values`, including the prompts of models
 * not chosen, so nothing typed is lost when the form comes back with a message.
 */
export function parseEvidenceForm(form: FormData, today = dateOnly()) {
	const values: EvidenceValues = textValues(form);
	const errors: FieldErrors = {};

	const title = text(form, 'title');
	if (!title) errors.title = 'Enter a title for the record';
	else if (title.length > 200) errors.title = 'The title must be 200 characters or fewer';

	const date = parseDateParts(form, 'activityDate', 'date of the activity');
	if (date.error) errors.activityDate = date.error;
	else if (date.value! > today)
		errors.activityDate = 'The date of the activity must be today or in the past';

	const type = text(form, 'type');
	if (!isKeyOf(evidenceTypes, type)) errors.type = 'Choose the type of evidence';

	const chosen = text(form, 'reflectionModel') || 'free';
	const model: ReflectiveModel = isKeyOf(reflectiveModels, chosen) ? chosen : 'free';
	if (model !== chosen) errors.reflectionModel = 'Choose a reflective model';
	const prompts = reflectiveModels[model].prompts;
	const reflection = Object.fromEntries(
		prompts.map((p) => [p.key, text(form, field(model, p.key))])
	);

	const cpdType = text(form, 'cpdType');
	if (cpdType && !isKeyOf(cpdTypes, cpdType)) errors.cpdType = 'Choose a type of CPD from the list';

	const peer = text(form, 'peerReflected');
	const hoursText = text(form, 'hours');
	let cpdMinutes: number | null = null;
	if (hoursText) {
		const hours = Number(hoursText);
		if (!/^\d{1,3}(\.\d{1,2})?$/.test(hoursText) || hours <= 0 || hours > 200) {
			errors.hours = 'Enter the hours as a number between 0.25 and 200, like 1.5';
		} else cpdMinutes = Math.round(hours * 60);
	}

	refuseTooLong(values, model, errors);
	const input: EvidenceInput = {
		title,
		activityDate: date.value ?? '',
		type,
		account: text(form, 'account'),
		reflectionModel: model,
		reflection,
		cpdType: cpdType || null,
		cpdRelevance: text(form, 'cpdRelevance'),
		cpdLearning: text(form, 'cpdLearning'),
		cpdImpact: text(form, 'cpdImpact'),
		peerReflected: peer === 'yes' ? true : peer === 'no' ? false : null,
		peerReflection: text(form, 'peerReflection'),
		cpdMinutes
	};
	return { input, values, errors };
}

/**
 * An error on each field whose text is longer than any kept, where the form shows it. A prompt
 * of a model not chosen is shown again but not kept, so it is not held to the limit (the form
 * shows the chosen model's prompts, where an error on another's would not be seen); a date's
 * day, month and year are one field, so a part too long is an error on the date, unless the
 * date has one already (as a part that long is no number, it will).
 */
function refuseTooLong(values: EvidenceValues, model: ReflectiveModel, errors: FieldErrors) {
	const otherModel = (key: string) =>
		key.startsWith('reflection-') && !key.startsWith(field(model, ''));
	for (const [name, value] of Object.entries(values)) {
		const key = name.replace(/-(day|month|year)$/, '');
		if (value.length > maxText && !errors[key] && !otherModel(key))
			errors[key] = `This must be ${maxText.toLocaleString('en-GB')} characters or fewer`;
	}
}

/**
 * Whether the form was sent to show another reflective model's prompts (the "Change model" step
 * that works without JavaScript) rather than to save. Only when the model chosen differs from
 * the one whose prompts were on the page: pressing Enter in a field sends the form with the
 * first button, "Change model", and that should still save.
 */
export function isModelChange(form: FormData) {
	return (
		text(form, 'step') === 'change-model' &&
		text(form, 'reflectionModel') !== text(form, 'shownModel')
	);
}

/** A saved record as the editor's values, for editing it. */
export function evidenceValues(record: EvidenceRecord): EvidenceValues {
	const [year, month, day] = record.activity_date.split('-');
	const values: EvidenceValues = {
		title: record.title,
		'activityDate-day': String(Number(day)),
		'activityDate-month': String(Number(month)),
		'activityDate-year': year,
		type: record.type,
		account: record.account,
		reflectionModel: record.reflection_model,
		cpdType: record.cpd_type ?? '',
		cpdRelevance: record.cpd_relevance,
		cpdLearning: record.cpd_learning,
		cpdImpact: record.cpd_impact,
		peerReflected: record.peer_reflected === null ? '' : record.peer_reflected ? 'yes' : 'no',
		peerReflection: record.peer_reflection,
		hours: record.cpd_minutes === null ? '' : String(record.cpd_minutes / 60),
		version: String(record.version)
	};
	for (const [key, value] of Object.entries(record.reflection))
		values[field(record.reflection_model, key)] = value;
	return values;
}

/** The form's texts, labelled, for the anonymity check: the chosen model's prompts only. */
export function textsOfValues(values: EvidenceValues) {
	const model = values.reflectionModel ?? '';
	const prompts = isKeyOf(reflectiveModels, model) ? reflectiveModels[model].prompts : [];
	const text = (name: string) => values[name] ?? '';
	return [
		{ name: 'title', label: 'Title', text: text('title') },
		{ name: 'account', label: 'Account of the activity', text: text('account') },
		...prompts.map((p) => ({
			name: field(model, p.key),
			label: `Reflection: ${p.label}`,
			text: text(field(model, p.key))
		})),
		{
			name: 'cpdRelevance',
			label: 'Description and relevance to practice',
			text: text('cpdRelevance')
		},
		{ name: 'cpdLearning', label: 'What you learnt', text: text('cpdLearning') },
		{ name: 'cpdImpact', label: 'Impact on your practice', text: text('cpdImpact') },
		{
			name: 'peerReflection',
			label: 'What reflecting with a peer added',
			text: text('peerReflection')
		}
	];
}

/** The record's texts and file names, labelled, for the anonymity check. */
export function textsOf(record: EvidenceRecord) {
	return [
		...textsOfValues(evidenceValues(record)),
		...record.attachments.map((a) => ({ name: `file:${a.name}`, label: 'File name', text: a.name }))
	];
}
