import type { Db } from './index';

// Figures kept between requests until what they are made from changes: the audit analysis's
// (`audits`) and the impact of learning's (`impact`). The database counts the changes
// (figure_versions, by triggers in the same transaction as each change), so every app server
// sees one as it commits. The version is read before the figures are made, so figures
// kept under a version are never older than it: a change committed while they are being made
// moves the version on, and the next request makes them again.

/**
 * What one server keeps for one database, at most: sets of figures (one for each filter, grain,
 * day and table asked), and rows across them, so that a national authority's larger tables
 * (hundreds of teams by quarter) bound the memory too. The least recently asked go first.
 */
export const keptAtMost = { sets: 100, rows: 50_000 };

interface Kept {
	version: string;
	made: Promise<unknown>;
	/** Rows in what was made, once made. */
	rows: number;
}

const keptFor = new WeakMap<Db, Map<string, Kept>>();

/** The version of a set of figures (`audits`) now. */
export async function figuresVersion(db: Db, name: string) {
	const row = await db
		.selectFrom('figure_versions')
		.select('version')
		.where('name', '=', name)
		.executeTakeFirstOrThrow();
	return String(row.version);
}

/**
 * The figures `key` names (their filters, say) from `make`, or as made before if nothing they are
 * made from has changed since; `rowsOf` counts their rows, for the bound. Requests that ask at
 * once while they are made share the making. Kept figures are frozen: a page that changed them
 * would change them for everyone after.
 */
export async function keptFigures<T>(
	db: Db,
	name: string,
	key: string,
	make: () => Promise<T>,
	rowsOf: (made: T) => number
): Promise<T> {
	const kept = keptFor.get(db) ?? new Map<string, Kept>();
	keptFor.set(db, kept);
	const version = await figuresVersion(db, name);
	const id = `${name} ${key}`;
	const found = kept.get(id);
	// Taken out and put back, so that the map's order is the order of use.
	kept.delete(id);
	if (found?.version === version) {
		kept.set(id, found);
		return found.made as Promise<T>;
	}
	const made = make().then(deepFreeze);
	const entry: Kept = { version, made, rows: 0 };
	kept.set(id, entry);
	made.then(
		(figures) => {
			entry.rows = rowsOf(figures);
			bound(kept, entry);
		},
		() => kept.get(id) === entry && kept.delete(id)
	);
	bound(kept, entry);
	return made;
}

/** The least recently asked sets let go until what is kept is within bounds; never `newest`. */
function bound(kept: Map<string, Kept>, newest: Kept) {
	let rows = 0;
	for (const entry of kept.values()) rows += entry.rows;
	for (const [id, entry] of kept) {
		if (kept.size <= keptAtMost.sets && rows <= keptAtMost.rows) return;
		if (entry === newest) continue;
		kept.delete(id);
		rows -= entry.rows;
	}
}

/** Frozen through and through; a map's entries too (a map itself cannot be frozen). */
function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		const inner = value instanceof Map ? value.values() : Object.values(value);
		for (const item of inner) deepFreeze(item);
	}
	return value;
}
