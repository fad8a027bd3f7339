import type { Outcome } from '../framework/schema';

// The PQS sets out what a practitioner knows and what they do; an outcome is met in practice,
// so a sign-off must cite evidence of at least one "Does" statement. Pure, for testing.

/** The outcome's Does statements, split into those the given statement ids show and the rest. */
export function doesStatements(outcome: Outcome, shown: Iterable<string>) {
	const ids = new Set(shown);
	const does = outcome.statements.filter((s) => s.kind === 'does');
	return {
		shown: does.filter((s) => ids.has(s.id)).map(({ id, text }) => ({ id, text })),
		notShown: does.filter((s) => !ids.has(s.id)).map(({ id, text }) => ({ id, text }))
	};
}

/** `a, b or c`: a list of statement ids as a sentence reads them. */
function listOfIds(ids: string[]) {
	return ids.length < 2 ? ids.join('') : `${ids.slice(0, -1).join(', ')} or ${ids.at(-1)}`;
}

/**
 * Why the cited evidence is not enough to sign the outcome off, or undefined when it is (or when
 * the practitioner's programme does not ask for a Does statement). `shown` is every statement the
 * cited accepted records were accepted as showing.
 */
export function doesProblem(input: { outcome: Outcome; shown: string[]; required: boolean }) {
	if (!input.required) return undefined;
	const { shown, notShown } = doesStatements(input.outcome, input.shown);
	if (shown.length || !notShown.length) return undefined;
	const knows = input.outcome.statements
		.filter((s) => s.kind === 'knows' && input.shown.includes(s.id))
		.map((s) => s.id);
	const what = knows.length
		? `it shows only Knows statements (${knows.join(', ')}), and knowing is not enough`
		: 'it shows none';
	return (
		`Outcome ${input.outcome.id} can be signed off only when the cited evidence shows at least ` +
		`one of its Does statements; ${what}. Any of these would count: ` +
		`${listOfIds(notShown.map((s) => s.id))}`
	);
}

/** Which of the outcome's Does statements the accepted evidence shows, as one sentence. */
export function doesSummary(outcome: Outcome, shown: string[]) {
	const does = doesStatements(outcome, shown).shown.map((s) => s.id);
	return does.length
		? `Does statements of outcome ${outcome.id} with accepted evidence: ${does.join(', ')}`
		: `No Does statement of outcome ${outcome.id} has accepted evidence yet`;
}
