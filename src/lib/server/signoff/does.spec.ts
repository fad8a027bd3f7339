import { describe, expect, it } from 'vitest';
import type { Outcome } from '../framework/schema';
import { doesProblem, doesStatements, doesSummary } from './does';

const outcome: Outcome = {
	id: '2.3',
	title: 'Builds and maintains impactful relationships',
	domainId: '2',
	statements: [
		{ id: '2.3 K1', kind: 'knows', text: 'knows about attachment', items: [] },
		{ id: '2.3 K2', kind: 'knows', text: 'knows about trauma', items: [] },
		{ id: '2.3 D1', kind: 'does', text: 'builds trust', items: [] },
		{ id: '2.3 D2', kind: 'does', text: 'listens', items: [] },
		{ id: '2.3 D3', kind: 'does', text: 'follows through', items: [] }
	]
};

describe('doesProblem', () => {
	it('refuses evidence of no statement, naming the outcome and every Does statement that would count', () => {
		expect(doesProblem({ outcome, shown: [], required: true })).toBe(
			'Outcome 2.3 can be signed off only when the cited evidence shows at least one of its ' +
				'Does statements; it shows none. Any of these would count: 2.3 D1, 2.3 D2 or 2.3 D3'
		);
	});

	it('refuses evidence of Knows statements only: knowing is not enough', () => {
		expect(doesProblem({ outcome, shown: ['2.3 K2', '2.3 K1'], required: true })).toBe(
			'Outcome 2.3 can be signed off only when the cited evidence shows at least one of its ' +
				'Does statements; it shows only Knows statements (2.3 K1, 2.3 K2), and knowing is not ' +
				'enough. Any of these would count: 2.3 D1, 2.3 D2 or 2.3 D3'
		);
	});

	it('does not count a Does statement of another outcome', () => {
		expect(doesProblem({ outcome, shown: ['2.4 D1'], required: true })).toContain('shows none');
	});

	it('allows evidence of one Does statement, and anything when the programme does not ask', () => {
		expect(doesProblem({ outcome, shown: ['2.3 K1', '2.3 D2'], required: true })).toBeUndefined();
		expect(doesProblem({ outcome, shown: ['2.3 K1'], required: false })).toBeUndefined();
		expect(doesProblem({ outcome, shown: [], required: false })).toBeUndefined();
	});

	it('does not refuse an outcome that has no Does statements to show', () => {
		const knowsOnly = { ...outcome, statements: outcome.statements.slice(0, 2) };
		expect(doesProblem({ outcome: knowsOnly, shown: [], required: true })).toBeUndefined();
	});
});

describe('doesSummary and doesStatements', () => {
	it('say which Does statements the accepted evidence shows, in the framework’s order', () => {
		expect(doesSummary(outcome, ['2.3 D3', '2.3 K1', '2.3 D1'])).toBe(
			'Does statements of outcome 2.3 with accepted evidence: 2.3 D1, 2.3 D3'
		);
		expect(doesSummary(outcome, ['2.3 K1'])).toBe(
			'No Does statement of outcome 2.3 has accepted evidence yet'
		);
		expect(doesStatements(outcome, ['2.3 D2'])).toEqual({
			shown: [{ id: '2.3 D2', text: 'listens' }],
			notShown: [
				{ id: '2.3 D1', text: 'builds trust' },
				{ id: '2.3 D3', text: 'follows through' }
			]
		});
	});
});
