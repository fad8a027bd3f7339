import type { Db } from '../db';
import type { Table } from './figures';

// Figures kept between requests until what they are made from changes. The database counts the
// changes (figure_versions, by triggers in the same transaction as each change), so every app
// server sees one as it commits. The version is read before the figures are made, so figures
// kept under a version are never older than it: a change committed while they are being made
// moves the version on, and the next request makes them again.

/** The most sets of figures kept for one database: a set for each filter, grain and table asked. */
export const keptAtMost = 100;

interface Kept {
	version: string;
	tables: Promise<Table[]>;
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
 * made from has changed since. Requests that ask at once while they are made share the making.
 * Kept figures are frozen: a page that changed them would change them for everyone after.
 */
export async function keptFigures(
	db: Db,
	name: string,
	key: string,
	make: () => Promise<Table[]>
): Promise<Table[]> {
	let kept = keptFor.get(db);
	if (!kept) keptFor.set(db, (kept = new Map()));
	const version = await figuresVersion(db, name);
	const id = `${name} ${key}`;
	const found = kept.get(id);
	// Taken out and put back, so that the map's order is the order of use.
	kept.delete(id);
	if (found?.version === version) {
		kept.set(id, found);
		return found.tables;
	}
	const entry: Kept = { version, tables: make().then(deepFreeze) };
	kept.set(id, entry);
	if (kept.size > keptAtMost) kept.delete(kept.keys().next().value!);
	entry.tables.catch(() => {
		if (kept.get(id) === entry) kept.delete(id);
	});
	return entry.tables;
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) deepFreeze(inner);
	}
	return value;
}
