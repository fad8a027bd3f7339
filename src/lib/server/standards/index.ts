import { bundledContent } from '../content/bundled.ts';
import { loadStandardSets } from './load.ts';
import type { StandardItem, StandardSet } from './schema.ts';

export type { StandardSet, StandardItem } from './schema.ts';

let sets: StandardSet[] | undefined;

export function standardSets(): StandardSet[] {
	sets ??= loadStandardSets(bundledContent);
	return sets;
}

export function getStandardSet(id: string): StandardSet | undefined {
	return standardSets().find((set) => set.id === id);
}

/** A local standard as people read it: "Standard 4: All children have a plan…". */
export const standardName = (item: Pick<StandardItem, 'number' | 'title'>) =>
	`Standard ${item.number}: ${item.title}`;

/** The sets that evidence can be mapped to: the authority's own practice standards. */
export function practiceStandardSets(): StandardSet[] {
	return standardSets().filter((set) => set.kind === 'practice-standards');
}
