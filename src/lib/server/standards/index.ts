import { bundledContent } from '../content/bundled.ts';
import { loadStandardSets } from './load.ts';
import type { StandardSet } from './schema.ts';

export type { StandardSet, StandardItem } from './schema.ts';

let sets: StandardSet[] | undefined;

export function standardSets(): StandardSet[] {
	sets ??= loadStandardSets(bundledContent);
	return sets;
}

export function getStandardSet(id: string): StandardSet | undefined {
	return standardSets().find((set) => set.id === id);
}

/** The sets that evidence can be mapped to: the authority's own practice standards. */
export function practiceStandardSets(): StandardSet[] {
	return standardSets().filter((set) => set.kind === 'practice-standards');
}
