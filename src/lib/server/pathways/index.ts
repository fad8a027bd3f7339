import { bundledContent } from '../content/bundled.ts';
import { getFramework } from '../framework/index.ts';
import { standardSets } from '../standards/index.ts';
import { loadPathways, type Pathway } from './definition.ts';

let all: Pathway[] | undefined;

/** Every learning pathway, from `content/pathways/` (validated at build time). */
export function pathways(): Pathway[] {
	all ??= loadPathways(bundledContent, getFramework()!, standardSets());
	return all;
}

export const getPathway = (id: string) => pathways().find((p) => p.id === id);

/**
 * Pathways that meet a need: those sharing at least one of its outcomes, the most shared
 * first, then by title.
 */
export function suggestPathways(outcomes: string[]) {
	const wanted = new Set(outcomes);
	return pathways()
		.map((pathway) => ({
			pathway,
			matching: pathway.outcomes.filter((id) => wanted.has(id))
		}))
		.filter((s) => s.matching.length > 0)
		.sort(
			(a, b) =>
				b.matching.length - a.matching.length || a.pathway.title.localeCompare(b.pathway.title)
		);
}
