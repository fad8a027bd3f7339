import { describe, expect, it } from 'vitest';
import { anonymityCheckPath } from '../api/paths-anonymity';
import { checkAnswerSchema, checkRefusals, checkTextBody, maxCheckedText } from './anonymity-api';

// The body of POST /api/v1/anonymity/check and its answers (the route adds who is asking).

describe('checkTextBody', () => {
	it('answers the findings in the checker’s kinds, with where each is', () => {
		const text = 'I visited Jane Smith (DOB 4/5/15) at GL1 2AB, and Sam Okoro.';
		const answer = checkTextBody({ text }, ['Sam Okoro']);
		expect(checkAnswerSchema.parse(answer)).toEqual(answer);
		expect('findings' in answer && answer.findings.map((f) => [f.kind, f.match])).toEqual([
			['name', 'Jane Smith'],
			['date-of-birth', '4/5/15'],
			['postcode', 'GL1 2AB']
		]);
		for (const f of 'findings' in answer ? answer.findings : []) {
			expect(text.slice(f.start, f.end)).toBe(f.match);
			expect(Object.keys(f)).toEqual(['kind', 'start', 'end', 'match', 'message']);
		}
	});

	it('answers no findings as an empty list', () => {
		expect(checkTextBody({ text: '' }, [])).toEqual({ findings: [] });
	});

	it('refuses a body without a text, a text that is not a string, and one too long', () => {
		for (const body of [{}, { text: 12 }, { text: null }, { text: ['a'] }])
			expect(checkTextBody(body, [])).toEqual({ errors: [checkRefusals.notText] });
		for (const body of [null, 'text', [{ text: 'a' }], 3])
			expect(checkTextBody(body, [])).toEqual({ errors: [checkRefusals.notAnObject] });
		expect(checkTextBody({ text: 'a'.repeat(maxCheckedText) }, [])).toEqual({ findings: [] });
		expect(checkTextBody({ text: 'a'.repeat(maxCheckedText + 1) }, [])).toEqual({
			errors: [checkRefusals.tooLong]
		});
	});

	it('answers the OpenAPI document’s example exactly', () => {
		const { requestBody, responses } = anonymityCheckPath().post;
		const { text } = requestBody.content['application/json'].example;
		expect(checkTextBody({ text }, [])).toEqual(responses[200].content['application/json'].example);
	});
});
