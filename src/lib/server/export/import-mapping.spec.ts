import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../content/files.ts';
import { loadFrameworks } from '../framework/load.ts';
import { loadStandardSets } from '../standards/load.ts';
import { carryMapping, keepStandards } from './import-mapping';

// The tiny fixture has two versions, Alpha and Beta (in use), and a crosswalk from Alpha to Beta:
// 1.1 → 1.1, 1.2; 1.1 K1 → 1.1 K1; 1.1 K2 → 1.2 K1; 1.1 D1 → 1.2 D2.
const files = readContentFiles(new URL('../framework/fixtures/tiny', import.meta.url).pathname);
const library = loadFrameworks(files);

const mapping = (
	frameworkVersion: string | null,
	outcomes: string[],
	statements: string[] = []
) => ({
	frameworkVersion,
	outcomes,
	statements: statements.map((statementId) => ({
		outcomeId: statementId.split(' ')[0],
		statementId
	}))
});

describe('carrying an imported record’s mapping', () => {
	it('keeps a mapping to the version in use as it is', () => {
		expect(carryMapping(mapping('beta', ['1.2'], ['1.2 D1']), library)).toEqual({
			mapping: mapping('beta', ['1.2'], ['1.2 D1']),
			fate: 'kept',
			from: 'beta',
			to: 'beta',
			notCarried: []
		});
	});

	it('carries a mapping to another version by the crosswalk, statement by statement', () => {
		expect(carryMapping(mapping('alpha', ['1.1'], ['1.1 K2', '1.1 D1']), library)).toEqual({
			mapping: {
				frameworkVersion: 'beta',
				outcomes: ['1.1', '1.2'],
				statements: [
					{ outcomeId: '1.2', statementId: '1.2 K1' },
					{ outcomeId: '1.2', statementId: '1.2 D2' }
				]
			},
			fate: 'carried',
			from: 'alpha',
			to: 'beta',
			notCarried: []
		});
	});

	it('reports what the crosswalk has no line for', () => {
		const without = {
			...library,
			crosswalks: library.crosswalks.map((c) => ({
				...c,
				map: new Map([...c.map].filter(([id]) => id !== '1.1' && id !== '1.1 D1'))
			}))
		};
		const carried = carryMapping(mapping('alpha', ['1.1'], ['1.1 D1']), without);
		expect(carried.notCarried).toEqual(['1.1', '1.1 D1']);
		expect(carried.mapping).toBeNull();
		// An outcome is carried when one of its statements is.
		const partly = carryMapping(mapping('alpha', ['1.1'], ['1.1 K1', '1.1 D1']), without);
		expect(partly.notCarried).toEqual(['1.1 D1']);
		expect(partly.mapping?.outcomes).toEqual(['1.1']);
	});

	it('keeps a mapping in its own version when there is no crosswalk to the one in use', () => {
		const noCrosswalk = { ...library, crosswalks: [] };
		expect(carryMapping(mapping('alpha', ['1.1'], ['1.1 K1', '1.1 K9']), noCrosswalk)).toEqual({
			mapping: mapping('alpha', ['1.1'], ['1.1 K1']),
			fate: 'kept',
			from: 'alpha',
			to: 'alpha',
			notCarried: ['1.1 K9']
		});
	});

	it('brings the record unmapped when its version is not known here, and says so', () => {
		expect(carryMapping(mapping('gamma', ['3.1'], ['3.1 K1']), library)).toEqual({
			mapping: null,
			fate: 'unknown-version',
			from: 'gamma',
			to: null,
			notCarried: ['3.1', '3.1 K1']
		});
		expect(carryMapping(mapping(null, []), library).fate).toBe('none');
	});
});

describe('keeping an imported record’s local practice standards', () => {
	const sets = loadStandardSets(files);

	it('keeps the standards this authority has, in the edition they were mapped to', () => {
		const standards = [
			{ setId: 'tiny', setVersion: '1', ref: 'tiny-2' },
			{ setId: 'tiny', setVersion: '0', ref: 'tiny-9' },
			{ setId: 'tiny', setVersion: '1', ref: 'tiny-9' },
			{ setId: 'elsewhere', setVersion: '1', ref: 'elsewhere-1' }
		];
		expect(keepStandards(standards, sets)).toEqual({
			kept: standards.slice(0, 2),
			dropped: ['tiny-9', 'elsewhere-1']
		});
	});
});
