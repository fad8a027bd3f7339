import type { Framework, Outcome, Statement } from './schema.ts';

export function outcomesOf(framework: Framework): Outcome[] {
	return framework.domains.flatMap((domain) => domain.outcomes);
}

export function statementsOf(framework: Framework): Statement[] {
	return outcomesOf(framework).flatMap((outcome) => outcome.statements);
}

/** Every outcome and statement id in a version. */
export function allIds(framework: Framework): Set<string> {
	return new Set([
		...outcomesOf(framework).map((outcome) => outcome.id),
		...statementsOf(framework).map((statement) => statement.id)
	]);
}

/** The outcome with its neighbours in reading order, for previous/next links. */
export function findOutcome(framework: Framework, id: string) {
	const outcomes = outcomesOf(framework);
	const index = outcomes.findIndex((outcome) => outcome.id === id);
	if (index === -1) return undefined;
	const outcome = outcomes[index];
	return {
		outcome,
		domain: framework.domains.find((domain) => domain.id === outcome.domainId)!,
		previous: outcomes[index - 1],
		next: outcomes[index + 1]
	};
}
