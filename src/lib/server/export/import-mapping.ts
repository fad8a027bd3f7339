import { outcomesOf, type Framework } from '../framework';
import type { FrameworkLibrary } from '../framework/load';
import type { OutcomeMapping } from '../portfolio/evidence';
import type { MappedStandard } from '../standards/mapping';
import type { StandardSet } from '../standards/schema';
import type { PortfolioRecord } from './portfolio-schema';

// Where an imported record's outcomes and statements land here. Pure: the framework versions and
// crosswalks are passed in. A mapping to the version in use here is kept; a mapping to another
// version is carried to the one in use by a crosswalk between them where there is one, and kept
// in its own version where that version is here but no crosswalk is. An id that cannot be
// placed is reported, never guessed.

export type MappingFate =
	/** There was nothing to map. */
	| 'none'
	/** Kept in the version it was made in. */
	| 'kept'
	/** Carried by a crosswalk to the version in use. */
	| 'carried'
	/** The version is not known here: the record comes unmapped. */
	| 'unknown-version';

export interface CarriedMapping {
	mapping: OutcomeMapping | null;
	fate: MappingFate;
	from: string | null;
	to: string | null;
	/** Outcome and statement ids that could not be placed. */
	notCarried: string[];
}

/** Each outcome of a version by id, and the outcome each statement belongs to. */
function idsOf(framework: Framework) {
	const outcomes = new Set<string>();
	const statementOutcome = new Map<string, string>();
	for (const outcome of outcomesOf(framework)) {
		outcomes.add(outcome.id);
		for (const statement of outcome.statements) statementOutcome.set(statement.id, outcome.id);
	}
	return { outcomes, statementOutcome };
}

/** Puts ids of a version into a mapping of that version; returns the ids that are not in it. */
function place(framework: Framework, ids: string[], into: OutcomeMapping): string[] {
	const { outcomes, statementOutcome } = idsOf(framework);
	const missing: string[] = [];
	for (const id of ids) {
		const outcomeId = statementOutcome.get(id);
		if (outcomeId) {
			if (!into.outcomes.includes(outcomeId)) into.outcomes.push(outcomeId);
			if (!into.statements.some((s) => s.statementId === id))
				into.statements.push({ outcomeId, statementId: id });
		} else if (outcomes.has(id)) {
			if (!into.outcomes.includes(id)) into.outcomes.push(id);
		} else missing.push(id);
	}
	return missing;
}

/** Where a record's mapping lands in this service's framework versions. */
export function carryMapping(
	mapping: PortfolioRecord['mapping'],
	library: FrameworkLibrary
): CarriedMapping {
	const from = mapping.frameworkVersion;
	const ids = [...mapping.outcomes, ...mapping.statements.map((s) => s.statementId)];
	if (!from || ids.length === 0)
		return { mapping: null, fate: 'none', from: null, to: null, notCarried: [] };
	const current = library.current.version.id;
	const crosswalk = library.crosswalks.find((c) => c.from === from && c.to === current);
	const own = library.frameworks.find((f) => f.version.id === from);
	if (crosswalk && from !== current) {
		const carried: OutcomeMapping = { frameworkVersion: current, outcomes: [], statements: [] };
		const targets = ids.flatMap((id) => crosswalk.map.get(id) ?? []);
		place(library.current, targets, carried);
		// An outcome none of whose own statements had a line either is what was not carried.
		const notCarried = ids.filter(
			(id) =>
				!crosswalk.map.has(id) &&
				!mapping.statements.some((s) => s.outcomeId === id && crosswalk.map.has(s.statementId))
		);
		const placed = carried.outcomes.length ? carried : null;
		return { mapping: placed, fate: 'carried', from, to: current, notCarried };
	}
	if (!own) return { mapping: null, fate: 'unknown-version', from, to: null, notCarried: ids };
	const kept: OutcomeMapping = { frameworkVersion: from, outcomes: [], statements: [] };
	const notCarried = place(own, ids, kept);
	return {
		mapping: kept.outcomes.length ? kept : null,
		fate: 'kept',
		from,
		to: from,
		notCarried
	};
}

/**
 * The record's links to local practice standards that this authority has: a standard of a set
 * it does not have (another authority's own) is reported by its ref. A link to an earlier edition
 * of a set it has is kept as it was, as a mapping made here would be.
 */
export function keepStandards(standards: MappedStandard[], sets: StandardSet[]) {
	const kept: MappedStandard[] = [];
	const dropped: string[] = [];
	for (const standard of standards) {
		const set = sets.find((s) => s.id === standard.setId);
		const known =
			set &&
			(set.version !== standard.setVersion || set.items.some((item) => item.ref === standard.ref));
		if (known && !kept.some((k) => k.setId === standard.setId && k.ref === standard.ref))
			kept.push(standard);
		else if (!known) dropped.push(standard.ref);
	}
	return { kept, dropped };
}
