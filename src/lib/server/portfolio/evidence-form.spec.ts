import { describe, expect, it } from 'vitest';
import { isModelChange, parseEvidenceForm } from './evidence-form';

const form = (fields: Record<string, string | File>) => {
	const data = new FormData();
	data.append('title', 'Home visit');
	data.append('activityDate-day', '2');
	data.append('activityDate-month', '11');
	data.append('activityDate-year', '2026');
	data.append('type', 'reflective-account');
	for (const [key, value] of Object.entries(fields)) data.set(key, value);
	return data;
};

describe('the evidence form', () => {
	const today = '2026-11-29';

	it('reads a valid record', () => {
		const { input, errors } = parseEvidenceForm(form({ reflectionModel: 'gibbs' }), today);
		expect(errors).toEqual({});
		expect(input).toMatchObject({ title: 'Home visit', type: 'reflective-account' });
		expect(input.reflectionModel).toBe('gibbs');
	});

	for (const name of ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty']) {
		it(`refuses "${name}" as a type, reflective model or type of CPD, keeping what was typed`, () => {
			const typed = form({ type: name, reflectionModel: name, cpdType: name, account: 'Kept' });
			const { errors, values } = parseEvidenceForm(typed, today);
			expect(errors).toMatchObject({
				type: 'Choose the type of evidence',
				reflectionModel: 'Choose a reflective model',
				cpdType: 'Choose a type of CPD from the list'
			});
			expect(values.account).toBe('Kept');
		});
	}

	it('takes a file sent as the title for a missing title, not the text "[object File]"', () => {
		const { errors, values } = parseEvidenceForm(form({ title: new File(['x'], 'f.txt') }), today);
		expect(errors.title).toBe('Enter a title for the record');
		expect(values.title).toBeUndefined();
	});

	it('holds the chosen model’s prompts to the length, not another model’s, which it does not keep', () => {
		const long = 'a'.repeat(20_001);
		const fields = { reflectionModel: 'schon', shownModel: 'gibbs' };
		const { errors, input, values } = parseEvidenceForm(
			form({ ...fields, 'reflection-gibbs-evaluation': long, 'reflection-schon-inAction': 'x' }),
			today
		);
		expect(errors).toEqual({});
		expect(input.reflection).toEqual({ inAction: 'x', onAction: '' });
		expect(values['reflection-gibbs-evaluation'], 'shown again as typed').toBe(long);
		const chosen = parseEvidenceForm(form({ ...fields, 'reflection-schon-inAction': long }), today);
		expect(chosen.errors).toEqual({
			'reflection-schon-inAction': 'This must be 20,000 characters or fewer'
		});
	});

	it('gives a date with a day too long one error, on the date, which the form shows', () => {
		const { errors } = parseEvidenceForm(form({ 'activityDate-day': '1'.repeat(20_001) }), today);
		expect(Object.keys(errors)).toEqual(['activityDate']);
	});

	it('asks to change model only when another model was chosen than the one shown', () => {
		const step = { step: 'change-model', shownModel: 'gibbs' };
		expect(isModelChange(form({ ...step, reflectionModel: 'kolb' }))).toBe(true);
		// Enter pressed in a field sends the first button, "Change model": that saves.
		expect(isModelChange(form({ ...step, reflectionModel: 'gibbs' }))).toBe(false);
		expect(isModelChange(form({ reflectionModel: 'kolb', shownModel: 'gibbs' }))).toBe(false);
	});
});
