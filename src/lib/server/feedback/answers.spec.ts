import { describe, expect, it } from 'vitest';
import { answerRecord, parseFeedbackAnswer, plainFindings } from './answers';
import { parseFeedbackRequest } from './request-form';

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.set(name, value);
	return data;
};

describe('the answer given by link', () => {
	it('asks a child to choose a face, and nothing more', () => {
		expect(parseFeedbackAnswer(form({}), 'child').errors).toEqual({
			scale: 'Choose a face to say how it was'
		});
		expect(parseFeedbackAnswer(form({ scale: 'toString' }), 'child').errors).toHaveProperty(
			'scale'
		);
		const { answer, errors } = parseFeedbackAnswer(form({ scale: 'really-good' }), 'child');
		expect(errors).toEqual({});
		expect(answer.scale).toBe('really-good');
	});

	it('asks anyone else for at least one answer, each up to 5,000 characters, kept as typed', () => {
		expect(parseFeedbackAnswer(form({ wentWell: '  ' }), 'parent-carer').errors).toEqual({
			wentWell: 'Write an answer to at least one question'
		});
		const long = parseFeedbackAnswer(form({ strengths: 'x'.repeat(5001) }), 'colleague');
		expect(long.errors).toEqual({ strengths: 'Your answer must be 5,000 characters or fewer' });
		expect(long.values.strengths).toHaveLength(5001);
		// A parent is not asked about strengths: whatever is posted for them is not kept.
		const parent = parseFeedbackAnswer(
			form({ wentWell: 'Kind', strengths: 'Extra' }),
			'parent-carer'
		);
		expect(parent.answer.texts).toEqual({ wentWell: 'Kind', couldBeBetter: '', anythingElse: '' });
	});

	it('becomes a record naming a colleague, never a child or family', () => {
		const given = new Date('2026-12-03T10:00:00Z');
		const texts = { strengths: 'Calm in meetings' };
		expect(
			answerRecord({ relationship: 'colleague', name: 'Jo Baker' }, { scale: null, texts }, given)
		).toEqual({
			title: 'Feedback from a colleague: Jo Baker',
			type: 'feedback-colleague',
			account:
				'Given by link by a colleague, Jo Baker, on 3 December 2026.\n\nWhat are their strengths?\nCalm in meetings'
		});
		const child = answerRecord(
			{ relationship: 'child', name: null },
			{ scale: 'ok', texts: {} },
			given
		);
		expect(child).toEqual({
			title: 'Feedback from a child or young person',
			type: 'feedback-child-family',
			account: 'Given by link by a child or young person on 3 December 2026.\n\nHow was it? OK'
		});
	});

	it('says what the anonymity check found in plain words', () => {
		const found = { kind: 'name', message: 'Use a role or an initial', field: 'wentWell' };
		expect(plainFindings([found as never])[0].message).toBe(
			'This looks like a name. Write “my son”, “my mum” or “the family” instead.'
		);
	});
});

describe('the request for feedback', () => {
	it('needs a name for anyone but a child or family, and an email address', () => {
		expect(parseFeedbackRequest(form({ relationship: 'colleague', email: 'jo' }))).toMatchObject({
			ok: false,
			errors: {
				name: 'Enter their name',
				email: 'Enter an email address in the correct format, like name@example.gov.uk'
			}
		});
		expect(parseFeedbackRequest(form({}))).toMatchObject({
			ok: false,
			errors: {
				relationship: 'Choose who you are asking for feedback',
				email: 'Enter their email address'
			}
		});
		expect(
			parseFeedbackRequest(
				form({ relationship: 'child', email: ' Parent@Test.example ', evidence: '' })
			)
		).toMatchObject({
			ok: true,
			data: { relationship: 'child', name: '', email: 'parent@test.example', evidence: null }
		});
	});
});
