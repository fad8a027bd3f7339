import { describe, expect, it } from 'vitest';
import { checkContent } from '../content/check.ts';
import { findOutcome, mappedStatement, outcomesOf, statementsOf } from './query.ts';

// The counts published in the standard (seeds README), used as an oracle for the transcription.
const expected: Record<string, [knows: number, does: number]> = {
	'1.1': [8, 6],
	'1.2': [5, 5],
	'1.3': [6, 8],
	'1.4': [5, 5],
	'2.1': [4, 5],
	'2.2': [9, 7],
	'2.3': [8, 10],
	'2.4': [9, 4],
	'2.5': [9, 6],
	'2.6': [7, 7],
	'3.1': [10, 8],
	'3.2': [19, 14],
	'3.3': [6, 10],
	'4.1': [11, 9],
	'4.2': [15, 11],
	'4.3': [18, 13],
	'4.4': [10, 5],
	'4.5': [6, 6],
	'5.1': [6, 4],
	'5.2': [4, 5],
	'5.3': [6, 8],
	'5.4': [3, 2],
	'6.1': [5, 3],
	'6.2': [3, 5],
	'6.3': [3, 1],
	'6.4': [4, 4]
};

const { frameworks } = checkContent();
const pqs = frameworks.find((f) => f.version.id === 'pqs-2025')!;

describe('the PQS 2025 content', () => {
	it('is a consultation draft under the Open Government Licence', () => {
		expect(pqs.version.status).toBe('consultation draft, March 2025');
		expect(pqs.version.licence.attribution).toBe(
			'Contains public sector information licensed under the Open Government Licence v3.0'
		);
	});

	it('has 6 domains with 4, 6, 3, 5, 4 and 4 outcomes', () => {
		expect(pqs.domains.map((d) => d.outcomes.length)).toEqual([4, 6, 3, 5, 4, 4]);
		expect(pqs.domains[1]).toMatchObject({
			title: 'Relationships & communication',
			summary: 'Builds impactful relationships through effective communication'
		});
	});

	it('has the published number of Knows and Does statements in every outcome', () => {
		const counts = Object.fromEntries(
			outcomesOf(pqs).map((o) => [
				o.id,
				[
					o.statements.filter((s) => s.kind === 'knows').length,
					o.statements.filter((s) => s.kind === 'does').length
				]
			])
		);
		expect(counts).toEqual(expected);
		const statements = statementsOf(pqs);
		expect(statements).toHaveLength(370);
		expect(statements.filter((s) => s.kind === 'knows')).toHaveLength(199);
		expect(statements.filter((s) => s.kind === 'does')).toHaveLength(171);
	});

	it('repairs the extraction defects listed in the seeds README', () => {
		const text = (id: string) => statementsOf(pqs).find((s) => s.id === id)?.text;
		expect(text('1.1 D2')).toMatch(/^develops children's confidence/);
		expect(text('5.2 D2')).toMatch(
			/^recognises when interventions are needed from other qualified professionals/
		);
		expect(text('6.4 D2')).toMatch(/^demonstrates self-awareness and emotional intelligence/);
		expect(text('2.3 K7')).toMatch(/can all have an impact on how the information is received$/);
		expect(text('2.3 K8')).toBe(
			'children may have strong relationships to those who have harmed them, and this can be complex; they may not understand that they are being harmed and may seek to protect them'
		);
		expect(text('2.3 D1')).toMatch(/^builds relationships through rapport and trust/);
		for (const statement of statementsOf(pqs)) {
			expect(statement.text).not.toMatch(/\*\*|\d\.\d [KD]\d/);
		}
	});

	it('keeps sub-items with their statements', () => {
		const items = (id: string) =>
			statementsOf(pqs)
				.find((s) => s.id === id)
				?.items.map((i) => i.label)
				.join('');
		expect(items('1.3 K1')).toBe('abcdefghi');
		expect(items('3.2 K7')).toBe('abcde');
		expect(items('3.3 K1')).toBe('abcde');
		expect(items('5.1 D3')).toBe('abc');
	});

	it('takes outcome titles from the overview, not the garbled contents list', () => {
		expect(findOutcome(pqs, '2.2')?.outcome.title).toBe(
			'Communicates complex and difficult information clearly, always placing children and families as the focus of any interaction'
		);
		expect(findOutcome(pqs, '2.3')).toMatchObject({ previous: { id: '2.2' }, next: { id: '2.4' } });
		expect(findOutcome(pqs, '1.1')?.previous).toBeUndefined();
		expect(findOutcome(pqs, '6.4')?.next).toBeUndefined();
		expect(findOutcome(pqs, '9.9')).toBeUndefined();
	});
});

describe('a statement as a record maps it', () => {
	const outcomes = new Map(outcomesOf(pqs).map((o) => [o.id, o]));

	it('names its outcome when the statement is in it', () => {
		expect(mappedStatement(outcomes, '2.3 D1')).toEqual({
			outcomeId: '2.3',
			statementId: '2.3 D1'
		});
	});

	it('is none for a statement the version does not have, or an outcome id alone', () => {
		expect(mappedStatement(outcomes, '2.3 D99')).toBeUndefined();
		expect(mappedStatement(outcomes, '9.9 K1')).toBeUndefined();
		expect(mappedStatement(outcomes, '2.3')).toBeUndefined();
	});
});
