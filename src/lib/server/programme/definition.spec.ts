import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../content/files';
import { loadProgrammes } from './definition';

const content = readContentFiles('content');
const asyeSource = content['programmes/asye.md'];

/** The real content with the ASYE's frontmatter changed. */
const withAsye = (change: (source: string) => string) =>
	loadProgrammes({ ...content, 'programmes/asye.md': change(asyeSource) });

describe('the programmes in content/programmes', () => {
	it('name the required items, the plans for each stage, and the observations asked for', () => {
		const [asye] = withAsye((s) => s).filter((p) => p.id === 'asye');
		expect(asye.required.map((r) => (r.kind === 'evidence' ? r.type : r.kind))).toEqual([
			'observations',
			'feedback-child-family',
			'plans',
			'reflections'
		]);
		expect(asye.required[0]).toMatchObject({ count: 3, items: 'direct observations of practice' });
		expect(asye.observationsRequired).toBe(3);
		expect(asye.plans.map((p) => `${p.id} after ${p.after}`)).toEqual([
			'initial after start',
			'month-3 after month-3',
			'month-6 after month-6'
		]);
	});

	it('still read the old single number of observations as the only required item', () => {
		const [asye] = withAsye((s) =>
			s.replace(/required:[\s\S]*?(?=# A development plan)/, 'observationsRequired: 4\n')
		);
		expect(asye.required).toEqual([
			{
				kind: 'observations',
				count: 4,
				item: 'direct observation of practice',
				items: 'direct observations of practice'
			}
		]);
		expect(asye.observationsRequired).toBe(4);
	});

	it('refuse at build a plan after no review, both ways of writing observations, an unknown type', () => {
		expect(() => withAsye((s) => s.replace('after: month-6 }', 'after: month-5 }'))).toThrow(
			'plan "month-6" comes after "month-5", which is not one of: start, month-3, month-6, month-9'
		);
		expect(() =>
			withAsye((s) => s.replace('required:', 'observationsRequired: 3\nrequired:'))
		).toThrow('not both');
		expect(() =>
			withAsye((s) => s.replace('type: feedback-child-family', 'type: feedback-from-anyone'))
		).toThrow('programmes/asye.md');
		expect(() => withAsye((s) => s.replace('- kind: reflections', '- kind: plans'))).toThrow(
			'required item "plans" is listed twice'
		);
	});
});
