import type { StandardItem, StandardSet } from './schema.ts';

/** A record's link to one item of a practice-standards set, in the edition it was mapped to. */
export interface MappedStandard {
	setId: string;
	setVersion: string;
	ref: string;
}

/** A checkbox's value: the item's ref and the edition, e.g. `gloucestershire-3@1`. */
export const choiceOf = (mapped: MappedStandard) => `${mapped.ref}@${mapped.setVersion}`;

export function findItem(sets: StandardSet[], ref: string) {
	for (const set of sets) {
		const item = set.items.find((i) => i.ref === ref);
		if (item) return { set, item };
	}
	return undefined;
}

/**
 * The standards ticked on the mapping form. Each is an item of a set's current edition (its ref,
 * with or without `@<current version>`), or a mapping the record already has to an earlier
 * edition, which is kept as it was rather than moved to the new wording.
 */
export function readStandardChoices(
	sets: StandardSet[],
	chosen: string[],
	existing: MappedStandard[]
): { standards: MappedStandard[] } | { error: string } {
	const standards = new Map<string, MappedStandard>();
	for (const choice of chosen) {
		const kept = existing.find((m) => choiceOf(m) === choice);
		const [ref, version] = choice.split('@');
		const found = findItem(sets, ref);
		const current = found && (version === undefined || version === found.set.version);
		if (!kept && !current) {
			return { error: `“${choice}” is not one of your authority’s practice standards` };
		}
		const mapped = kept ?? { setId: found!.set.id, setVersion: found!.set.version, ref };
		standards.set(`${mapped.setId} ${mapped.ref}`, mapped);
	}
	return { standards: [...standards.values()] };
}

export interface NamedStandard extends MappedStandard {
	setTitle: string;
	number: number | null;
	/** "Standard 3: All children have an assessment of their needs" */
	label: string;
	/** The current edition, when the record was mapped to an earlier one; else null. */
	newerEdition: string | null;
}

const label = (item: StandardItem) => `Standard ${item.number}: ${item.title}`;

/** Mapped standards named for people, in set and item order; unknown sets are named by ref. */
export function nameMappedStandards(sets: StandardSet[], mapped: MappedStandard[]) {
	const order = (m: MappedStandard) => {
		const set = sets.findIndex((s) => s.id === m.setId);
		const item = sets[set]?.items.find((i) => i.ref === m.ref);
		return (set < 0 ? sets.length : set) * 1000 + (item?.number ?? 0);
	};
	return [...mapped]
		.sort((a, b) => order(a) - order(b))
		.map((m): NamedStandard => {
			const set = sets.find((s) => s.id === m.setId);
			const item = set?.items.find((i) => i.ref === m.ref);
			return {
				...m,
				setTitle: set?.title ?? m.setId,
				number: item?.number ?? null,
				label: item ? label(item) : m.ref,
				newerEdition: set && set.version !== m.setVersion ? set.version : null
			};
		});
}
