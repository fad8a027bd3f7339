import { formatDate } from '$lib/format';
import {
	feedbackEvidenceType,
	feedbackGivers,
	feedbackQuestions,
	feedbackScale,
	givenBy,
	type FeedbackField,
	type FeedbackRelationship,
	type FeedbackScale
} from '$lib/feedback/vocabulary';
import { isKeyOf, textValues, type FieldErrors } from '../forms';
import type { CheckedField, Finding } from '../portfolio/anonymity';

// An answer given by link, as its form posts it: the child's picture scale (`scale`), and the
// written answers by the names the questions give them. Pure, so its rules are tested alone.

export interface FeedbackAnswer {
	scale: FeedbackScale | null;
	texts: Partial<Record<FeedbackField, string>>;
}

/** The longest answer to one question: about 800 words. */
export const maxAnswerLength = 5000;

/** Reads an answer for this relationship's questions, with a message for each that is wrong. */
export function parseFeedbackAnswer(form: FormData, relationship: FeedbackRelationship) {
	const values = textValues(form);
	const errors: FieldErrors = {};
	const questions = feedbackQuestions(relationship);
	const texts = Object.fromEntries(questions.map((q) => [q.name, values[q.name]?.trim() ?? '']));
	for (const q of questions)
		if (texts[q.name].length > maxAnswerLength)
			errors[q.name] =
				`Your answer must be ${maxAnswerLength.toLocaleString('en-GB')} characters or fewer`;
	const chosen = values.scale ?? '';
	const scale = isKeyOf(feedbackScale, chosen) ? chosen : null;
	if (relationship === 'child' && !scale) errors.scale = 'Choose a face to say how it was';
	else if (relationship !== 'child' && questions.every((q) => !texts[q.name]))
		errors[questions[0].name] = 'Write an answer to at least one question';
	return {
		answer: { scale: relationship === 'child' ? scale : null, texts } satisfies FeedbackAnswer,
		values,
		errors
	};
}

/** The answers as the anonymity check reads them: each question's text, by its field. */
export const answerFields = (relationship: string, answer: FeedbackAnswer): CheckedField[] =>
	feedbackQuestions(relationship).map((q) => ({
		name: q.name,
		label: q.label,
		text: answer.texts[q.name] ?? ''
	}));

/** The record the answer becomes: its title, type, and the answers, as given, as its account. */
export function answerRecord(
	request: { relationship: FeedbackRelationship; name: string | null },
	answer: FeedbackAnswer,
	givenOn: Date
) {
	const giver = feedbackGivers[request.relationship];
	const asked = feedbackQuestions(request.relationship)
		.filter((q) => answer.texts[q.name])
		.map((q) => `${q.label}\n${answer.texts[q.name]}`);
	const scale = answer.scale ? [`How was it? ${feedbackScale[answer.scale]}`] : [];
	return {
		title: `Feedback from ${giver}${request.name ? `: ${request.name}` : ''}`,
		type: feedbackEvidenceType(request.relationship),
		account: [
			`Given by link by ${givenBy(request.relationship, request.name)} on ${formatDate(givenOn)}.`,
			...scale,
			...asked
		].join('\n\n')
	};
}

/** What to do about each kind of finding, in words for someone who is not a social worker. */
const plainMessages: Record<string, string> = {
	name: 'This looks like a name. Write “my son”, “my mum” or “the family” instead.',
	address: 'This looks like an address. Leave it out, or write “our home”.',
	'date-of-birth': 'This looks like a date of birth. Leave it out, or write an age.'
};

/** The anonymity check's findings, said plainly to whoever answers by a link. */
export const plainFindings = (findings: Finding[]): Finding[] =>
	findings.map((f) => ({ ...f, message: plainMessages[f.kind] ?? f.message }));
