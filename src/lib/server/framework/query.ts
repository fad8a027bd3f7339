import type { Framework, Outcome, Statement } from './schema.ts';

export function outcomesOf(framework: Framework): Outcome[] {
	return framework.domains.flatMap((domain) => domain.outcomes);
}

/** The outcome a statement id belongs to: `2.3` for `2.3 K4`; an outcome id is its own. */
export const outcomeOf = (id: string) => id.split(' ')[0];

/**
 * A statement as a record or an observation maps it, `{ outcomeId, statementId }`, when the id
 * (`2.3 K4`) names one of the outcomes given (by id); none when it names no such statement.
 */
export function mappedStatement(outcomes: Map<string, Outcome>, statementId: string) {
	const outcomeId = outcomeOf(statementId);
	const found = outcomes.get(outcomeId)?.statements.some((s) => s.id === statementId);
	return found ? { outcomeId, statementId } : undefined;
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
